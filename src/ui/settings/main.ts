/**
 * Cài đặt: the settings of `Cấu hình` and the yearly targets of its indicator table as a form
 * checked by the same code the server runs, the reminder trigger, test emails and the presets.
 */
import { settingField, type SettingField } from '../../core/config/settings';
import { parseSettingsForm, targetKey, type FieldErrors, type FormKey } from '../../core/config/settingsForm';
import { FORM_SECTIONS, settingsFormValues, weightsHelp, type FormSection, type FormTarget, type FormValues } from '../../core/config/settingsFormLayout';
import type { SaveSettingsResult, SettingsPanelData } from '../../gas/settingsPanel';
import { button, byId, h, replaceChildren } from '../shared/dom';
import { callServer, errorText, resultText } from '../shared/server';
import { setStatus, showError, showLoading, whileBusy, type Tone } from '../shared/states';

const app = byId('app');

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface View {
  data: SettingsPanelData;
  /** What the form was filled with: fields left as they were are not written back. */
  baseline: FormValues;
  /** In the order of the page, so the first error found is the first one on screen. */
  inputs: Map<FormKey, Input>;
  errors: Map<FormKey, HTMLElement>;
  /** Fields the user has left (blur) or submitted: only those show messages while typing. */
  visited: Set<FormKey>;
  /** The live line under the ranking weights. */
  weights: HTMLElement;
  /** One live status line per part, next to the buttons that report into it. */
  status: Record<Part, HTMLElement>;
}

type Part = 'form' | 'reminders' | 'presets';
type Notice = { text: string; tone: Tone; part: Part };

async function load(notice?: Notice): Promise<void> {
  showLoading(app, 'Đang đọc tab Cấu hình…');
  try {
    render(await callServer<SettingsPanelData>('getSettingsData'), notice);
  } catch (error) {
    showError(app, errorText(error), () => void load());
  }
}

function render(data: SettingsPanelData, notice?: Notice): void {
  app.removeAttribute('aria-busy');
  const line = (part: Part) => h('div', { className: 'status', id: `${part}-status` });
  const status = { form: line('form'), reminders: line('reminders'), presets: line('presets') };
  const baseline = data.values ? settingsFormValues(data.values, data.targets) : ({} as FormValues);
  const weights = h('p', { className: 'weights-sum', id: 'weights-sum', attrs: { 'aria-live': 'polite' } });
  const view: View = { data, baseline, inputs: new Map(), errors: new Map(), visited: new Set(), weights, status };
  replaceChildren(
    app,
    data.ready ? null : notReady(data),
    findingsList(data),
    data.ready ? settingsForm(view) : null,
    data.ready ? remindersPanel(view) : null,
    presetsPanel(view),
  );
  if (data.ready) showWeights(view);
  if (notice) {
    setStatus(status[notice.part], notice.text, notice.tone);
    status[notice.part].scrollIntoView({ block: 'nearest' });
  }
}

function notReady(data: SettingsPanelData): HTMLElement {
  return h(
    'div',
    { className: 'state state-empty' },
    h('p', { className: 'state-title' }, 'Bảng tính chưa được khởi tạo'),
    h('p', null, 'Chọn một mẫu cấu hình bên dưới (mẫu tạo sẵn các tab), hoặc chạy Tổ CNSCĐ › Khởi tạo / cập nhật bảng tính.'),
    data.villages === 0 ? h('p', null, 'Sau đó điền các địa bàn vào tab "Danh sách" rồi chạy lại Khởi tạo.') : null,
  );
}

function findingsList(data: SettingsPanelData): HTMLElement | null {
  if (data.findings.length === 0) return null;
  return h(
    'details',
    { className: 'findings' },
    h('summary', null, `Cần xem lại trong tab Cấu hình, Danh sách (${data.findings.length})`),
    h('ul', null, ...data.findings.slice(0, 10).map((f) => h('li', null, f.cell ? `${f.sheet}!${f.cell}: ${f.message}` : f.message))),
  );
}

function settingsForm(view: View): HTMLElement {
  const form = h('form', { attrs: { novalidate: '', 'aria-label': 'Cấu hình báo cáo' } });
  FORM_SECTIONS.forEach((section, i) => form.append(formSection(section, `h-section-${i}`, view)));
  const save = h('button', { className: 'btn-primary' }, 'Lưu cài đặt');
  save.type = 'submit';
  form.append(h('div', { className: 'actions sticky-actions' }, save, button('Hoàn tác', () => undo(view))), view.status.form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(view, form);
  });
  return form;
}

function formSection(section: FormSection, headingId: string, view: View): HTMLElement {
  const fields: SettingField[] = section.keys.map(settingField);
  const weighted = section.keys.includes('weightResults');
  return h(
    'section',
    { className: 'form-section', attrs: { 'aria-labelledby': headingId } },
    h('h2', { id: headingId }, section.title),
    section.hint ? h('p', { className: 'muted section-hint' }, section.hint) : null,
    ...(section.targets ? view.data.targets.map((t) => targetRow(t, view)) : []),
    ...fields.map((f) => settingRow(f, view)),
    weighted ? view.weights : null,
  );
}

function settingRow(field: SettingField, view: View): HTMLElement {
  const input = field.type === 'choice' ? choiceInput(field) : field.type === 'text' && field.multiline ? h('textarea', null) : h('input', null);
  if (input instanceof HTMLInputElement) {
    input.type = 'text';
    if (field.type === 'int') input.inputMode = 'numeric';
    if (field.key === 'officeEmail') input.inputMode = 'email';
  }
  if (input instanceof HTMLTextAreaElement) input.rows = Math.max(3, view.baseline[field.key].split('\n').length + 1);
  const row = fieldRow(field.key, field.label, field.hint, input, view);
  if (field.key.startsWith('weight')) input.addEventListener('input', () => showWeights(view));
  return row;
}

function targetRow(target: FormTarget, view: View): HTMLElement {
  const input = h('input', null);
  input.type = 'text';
  input.inputMode = 'numeric';
  // The unit sits after the box, so what is typed is the number alone.
  const control = h('div', { className: 'with-unit' }, input, h('span', { className: 'unit', attrs: { 'aria-hidden': 'true' } }, '%'));
  return fieldRow(targetKey(target.code), target.label, target.hint, input, view, control);
}

/** `control`: what the page shows for the input, when more than the input itself. */
function fieldRow(key: FormKey, label: string, hintText: string, input: Input, view: View, control: HTMLElement = input): HTMLElement {
  const id = `f-${key.replace(':', '-')}`;
  input.id = id;
  input.name = key;
  input.setAttribute('autocomplete', 'off');
  input.value = view.baseline[key];
  const error = h('p', { className: 'field-error', id: `${id}-error` });
  const hint = hintText ? h('p', { className: 'hint', id: `${id}-hint` }, hintText) : null;
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  view.inputs.set(key, input);
  view.errors.set(key, error);
  const revalidate = () => showErrors(view, parseErrors(view));
  input.addEventListener('blur', () => {
    view.visited.add(key);
    revalidate();
  });
  input.addEventListener(input instanceof HTMLSelectElement ? 'change' : 'input', () => {
    if (view.visited.has(key)) revalidate();
  });
  return h('div', { className: 'field', id: `${id}-row` }, h('label', { attrs: { for: id } }, label), control, hint, error);
}

function choiceInput(field: SettingField): HTMLSelectElement {
  return h('select', null, ...(field.choices ?? []).map((c) => {
    const option = h('option', null, c);
    option.value = c;
    return option;
  }));
}

function formValues(view: View): FormValues {
  const values = {} as FormValues;
  for (const [key, input] of view.inputs) values[key] = input.value;
  return values;
}

function parseErrors(view: View): FieldErrors {
  const result = parseSettingsForm(formValues(view));
  return result.ok ? {} : result.errors;
}

function showWeights(view: View): void {
  const help = weightsHelp(formValues(view));
  view.weights.classList.toggle('weights-warning', help?.warning === true);
  replaceChildren(view.weights, help?.text ?? '');
}

function showErrors(view: View, errors: FieldErrors, all = false): void {
  for (const [key, node] of view.errors) {
    const message = all || view.visited.has(key) ? errors[key] ?? '' : '';
    replaceChildren(node, message);
    view.inputs.get(key)?.setAttribute('aria-invalid', message ? 'true' : 'false');
    node.parentElement?.classList.toggle('invalid', message !== '');
  }
}

function focusFirstError(view: View, errors: FieldErrors): void {
  const first = [...view.inputs.keys()].find((key) => errors[key]);
  if (first) view.inputs.get(first)?.focus();
}

async function submit(view: View, form: HTMLElement): Promise<void> {
  const errors = parseErrors(view);
  view.inputs.forEach((_, key) => view.visited.add(key));
  showErrors(view, errors, true);
  if (Object.keys(errors).length > 0) {
    setStatus(view.status.form, `Chưa lưu: ${Object.keys(errors).length} ô chưa hợp lệ, xem thông báo màu đỏ cạnh ô.`, 'error');
    focusFirstError(view, errors);
    return;
  }
  setStatus(view.status.form, 'Đang lưu…');
  try {
    const result = await whileBusy(form, () => callServer<SaveSettingsResult>('saveSettings', formValues(view), view.baseline));
    if (result.ok) {
      render(result.data, { text: result.summary, tone: 'success', part: 'form' });
      return;
    }
    showErrors(view, result.errors, true);
    setStatus(view.status.form, result.message, 'error');
    focusFirstError(view, result.errors);
  } catch (error) {
    setStatus(view.status.form, `Không lưu được: ${errorText(error)}`, 'error');
  }
}

function undo(view: View): void {
  for (const [key, input] of view.inputs) input.value = view.baseline[key];
  view.visited.clear();
  showErrors(view, {});
  showWeights(view);
  setStatus(view.status.form, 'Đã trả lại các giá trị đang lưu trong tab Cấu hình.');
}

function remindersPanel(view: View): HTMLElement {
  const info = view.data.reminders;
  const panel = h('section', { className: 'panel', attrs: { 'aria-labelledby': 'h-reminders' } }, h('h2', { id: 'h-reminders' }, 'Nhắc việc tự động'));
  const act = (label: string, fn: string, done: string) => async () => {
    setStatus(view.status.reminders, `${label}: đang chạy…`);
    try {
      const result = await whileBusy(app, () => callServer<unknown>(fn));
      await load({ text: resultText(result, done), tone: 'success', part: 'reminders' });
    } catch (error) {
      setStatus(view.status.reminders, `${label}: ${errorText(error)}`, 'error');
    }
  };
  panel.append(
    h('p', null, h('span', { className: info.installed ? 'reminder-on' : 'reminder-off' }, info.installed ? 'Đang bật' : 'Đang tắt')),
    h('p', { className: 'muted' }, info.message),
  );
  panel.append(
    h(
      'div',
      { className: 'actions' },
      // Only the account holding the trigger can remove it; the message above names that account.
      !info.installed ? button('Bật nhắc tự động', act('Bật nhắc tự động', 'installReminderTrigger', 'Đã bật nhắc tự động.'), 'btn-primary') : null,
      info.installed && info.mine ? button('Tắt nhắc tự động', act('Tắt nhắc tự động', 'removeReminderTrigger', 'Đã tắt nhắc tự động.')) : null,
      button('Gửi thử', act('Gửi thử', 'sendTestEmails', `Đã gửi thư xem trước đến ${view.data.user}.`)),
    ),
    h('p', { className: 'muted' }, `"Gửi thử" gửi bản xem trước của từng mẫu thư đến ${view.data.user || 'tài khoản của bạn'}, không gửi cho ai khác.`),
    view.status.reminders,
  );
  return panel;
}

function presetsPanel(view: View): HTMLElement {
  const { presets, preset, ready } = view.data;
  const own = presets.find((p) => p.id === preset);
  // A sheet that follows no preset says so, rather than showing the first preset as if it were its own.
  const none = ready && !own ? h('option', null, 'Tự cấu hình') : null;
  if (none) {
    none.value = '';
    none.disabled = true;
  }
  const select = h('select', { id: 'preset' }, none, ...presets.map((p) => {
    const option = h('option', null, p.title);
    option.value = p.id;
    return option;
  }));
  select.value = own?.id ?? (none ? '' : presets[0]?.id ?? '');
  const current = ready ? h('p', { className: 'muted', id: 'preset-current' }, own ? `Bảng tính này đang theo mẫu "${own.title}".` : 'Bảng tính này tự cấu hình, không theo mẫu nào.') : null;
  const confirmBox = h('div', { attrs: { 'aria-live': 'assertive' } });
  const ask = button('Áp dụng mẫu…', () => {
    if (select.value === '') {
      setStatus(view.status.presets, 'Chọn một mẫu trong danh sách rồi bấm lại "Áp dụng mẫu…".', 'error');
      select.focus();
      return;
    }
    const title = select.options[select.selectedIndex]?.text ?? '';
    const cancel = button('Hủy', () => {
      replaceChildren(confirmBox);
      ask.focus();
    });
    const apply = button('Áp dụng, ghi đè Cấu hình', () => void applyPreset(view, select.value, title), 'btn-danger');
    replaceChildren(
      confirmBox,
      h(
        'div',
        { className: 'confirm', role: 'group', attrs: { 'aria-label': 'Xác nhận áp dụng mẫu' } },
        h('p', null, h('strong', null, `Áp dụng mẫu "${title}"?`)),
        h('p', null, 'Toàn bộ tab "Cấu hình" (các giá trị và bảng chỉ tiêu) sẽ được ghi lại theo mẫu; cấu hình cũ được lưu vào "Nhật ký". Tab "Danh sách" giữ nguyên.'),
        h('div', { className: 'actions' }, apply, cancel),
      ),
    );
    apply.focus();
  });
  return h(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'h-presets' } },
    h('h2', { id: 'h-presets' }, 'Mẫu cấu hình'),
    h('div', { className: 'field' }, h('label', { attrs: { for: 'preset' } }, 'Mẫu'), select, current),
    h('div', { className: 'actions' }, ask),
    confirmBox,
    view.status.presets,
  );
}

async function applyPreset(view: View, id: string, title: string): Promise<void> {
  setStatus(view.status.presets, `Đang áp dụng mẫu "${title}"…`);
  try {
    await whileBusy(app, () => callServer<unknown>('applyPreset', id));
    await load({ text: `Đã áp dụng mẫu "${title}" và cập nhật bảng tính.`, tone: 'success', part: 'presets' });
  } catch (error) {
    setStatus(view.status.presets, `Không áp dụng được mẫu: ${errorText(error)}`, 'error');
  }
}

void load();
