/**
 * Who made an edit, as Nhật ký names it (docs/security.md, "Attribution"). Inside the installable
 * edit trigger the platform hides the editor's email from consumer accounts and across Workspace
 * domains, and the trigger itself runs as its owner — so a blank email is the village's person in
 * `Danh sách`, never the trigger's owner.
 */
import type { Village } from '../config/registry';
import { headTitle } from '../config/vocabulary';

export function editorLabel(email: string, tab: string, village: Pick<Village, 'head'> | null, villageWord: string): string {
  if (email) return email;
  if (village?.head) return `${headTitle(villageWord)} ${village.head} (theo Danh sách)`;
  return `Người sửa tab ${tab} (không rõ email)`;
}
