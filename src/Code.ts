/**
 * Entry points of SPEC §7. The build adds one top-level forwarder per export, because Apps Script
 * only calls top-level functions (menus, triggers, google.script.run).
 */
export { onOpen, onInstall } from './gas/menu';
export { setupWorkbook, applyPreset } from './gas/setup';
