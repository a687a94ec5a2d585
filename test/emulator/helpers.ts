import { AppsScriptEmulator, type EmulatorOptions } from '../../emulator';

/** Script-side globals typed loosely, as a bundle would use them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Globals = Record<string, any>;

export function setup(opts: EmulatorOptions = {}): { emu: AppsScriptEmulator; g: Globals } {
  const emu = new AppsScriptEmulator({ editors: ['head1@example.com', 'head2@example.com'], ...opts });
  return { emu, g: emu.globals() as Globals };
}
