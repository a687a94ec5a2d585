/**
 * Granular OAuth consent (Apps Script, January 2025) is not yet in @types/google-apps-script:
 * ScriptApp.getAuthorizationInfo(authMode, oAuthScopes) and AuthorizationInfo.getAuthorizedScopes()
 * — https://developers.google.com/apps-script/reference/script/script-app#getauthorizationinfoauthmode,-oauthscopes
 * and https://developers.google.com/apps-script/reference/script/authorization-info#getauthorizedscopes.
 */
declare namespace GoogleAppsScript {
  namespace Script {
    interface ScriptApp {
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
    interface AuthorizationInfo {
      getAuthorizedScopes(): string[];
    }
  }
}
