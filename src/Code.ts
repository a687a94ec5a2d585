/**
 * Entry points (docs/entry-points.md). The build adds one top-level forwarder per export, because Apps Script
 * only calls top-level functions (menus, triggers, google.script.run).
 */
export { onOpen, onInstall } from './gas/menu';
export { setupWorkbook, applyPreset, continueSetup } from './gas/setup';
export { getDashboardData, showDashboard } from './gas/dashboard';
export { getSettingsData, saveSettings, showSettings } from './gas/settingsPanel';
export { runScheduledReminders, sendRemindersNow, sendTestEmails } from './gas/reminders';
export { getReminderTriggerInfo, installReminderTrigger, removeReminderTrigger } from './gas/reminderTrigger';
export { handleEdit } from './gas/editHandler';
export { retryPendingEdits } from './gas/pendingEdits';
export { checkReports, selectCell } from './gas/checkReports';
export { aggregateMonth, aggregateQuarter, aggregateReports } from './gas/aggregate';
export { approveMonth, approveReports, approveVillageMonth, unlockVillageMonth } from './gas/approval';
export { takeOverTrigger } from './gas/automation';
export { selfCheck } from './gas/selfCheck';
export { startNewYear } from './gas/newYear';
