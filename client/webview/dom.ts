/**
 * DOM helpers shared by the webviews (fee preview, form view): the VS Code webview API typed by the
 * messages a view sends, elements built with text set through `textContent` only, so document data
 * never becomes markup, and `{0}` placeholders filled in.
 */

/** The webview API VS Code injects, with the messages this view posts. */
export interface VsCodeApi<Message> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi<unknown>;

/** The webview API; VS Code allows one call per webview, so each view calls this once at its start. */
export function vscodeApi<Message>(): VsCodeApi<Message> {
  return acquireVsCodeApi();
}

/** Fills `{0}`, `{1}` … of a translated template; an index without an argument stays as written. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

/** An element with a class and text (text via textContent only). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
  ...children: (Node | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const child of children) if (child) node.append(child);
  return node;
}
