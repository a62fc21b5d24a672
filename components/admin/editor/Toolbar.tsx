"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

/** What the toolbar shows; computed from the editor state on every transaction. */
export interface ToolbarState {
  ready: boolean;
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  orderedList: boolean;
  bulletList: boolean;
  blockquote: boolean;
  link: boolean;
  canParagraph: boolean;
  canHeading: boolean;
  canBold: boolean;
  canItalic: boolean;
  canUnderline: boolean;
  canOrderedList: boolean;
  canBulletList: boolean;
  canBlockquote: boolean;
  canLink: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canInsertTable: boolean;
  canInsertImage: boolean;
  figureSelected: boolean;
  inTable: boolean;
  canAddRow: boolean;
  canDeleteRow: boolean;
  canAddColumn: boolean;
  canDeleteColumn: boolean;
  canDeleteTable: boolean;
}

export const EMPTY_TOOLBAR_STATE: ToolbarState = {
  ready: false,
  paragraph: false,
  h2: false,
  h3: false,
  bold: false,
  italic: false,
  underline: false,
  orderedList: false,
  bulletList: false,
  blockquote: false,
  link: false,
  canParagraph: false,
  canHeading: false,
  canBold: false,
  canItalic: false,
  canUnderline: false,
  canOrderedList: false,
  canBulletList: false,
  canBlockquote: false,
  canLink: false,
  canUndo: false,
  canRedo: false,
  canInsertTable: false,
  canInsertImage: false,
  figureSelected: false,
  inTable: false,
  canAddRow: false,
  canDeleteRow: false,
  canAddColumn: false,
  canDeleteColumn: false,
  canDeleteTable: false,
};

export type ToolbarCommand =
  | "undo"
  | "redo"
  | "paragraph"
  | "h2"
  | "h3"
  | "bold"
  | "italic"
  | "underline"
  | "orderedList"
  | "bulletList"
  | "blockquote"
  | "link"
  | "image"
  | "editImage"
  | "insertTable"
  | "addRow"
  | "deleteRow"
  | "addColumn"
  | "deleteColumn"
  | "deleteTable";

interface ButtonSpec {
  cmd: ToolbarCommand;
  label: string;
  title?: string;
  content: ReactNode;
  pressed?: keyof ToolbarState;
  enabled: keyof ToolbarState;
  /** Opens a dialog. */
  popup?: boolean;
}

const GROUPS: { label: string; buttons: ButtonSpec[] }[] = [
  {
    label: "撤销与重做",
    buttons: [
      { cmd: "undo", label: "撤销", title: "撤销（Ctrl+Z）", content: "撤销", enabled: "canUndo" },
      { cmd: "redo", label: "重做", title: "重做（Ctrl+Shift+Z）", content: "重做", enabled: "canRedo" },
    ],
  },
  {
    label: "段落格式",
    buttons: [
      { cmd: "paragraph", label: "段落", title: "正文段落（Ctrl+Alt+0）", content: "段落", pressed: "paragraph", enabled: "canParagraph" },
      { cmd: "h2", label: "二级标题", title: "二级标题（Ctrl+Alt+2）", content: "二级标题", pressed: "h2", enabled: "canHeading" },
      { cmd: "h3", label: "三级标题", title: "三级标题（Ctrl+Alt+3）", content: "三级标题", pressed: "h3", enabled: "canHeading" },
    ],
  },
  {
    label: "文字格式",
    buttons: [
      { cmd: "bold", label: "加粗", title: "加粗（Ctrl+B）", content: <b>加粗</b>, pressed: "bold", enabled: "canBold" },
      { cmd: "italic", label: "斜体", title: "斜体（Ctrl+I）", content: <i>斜体</i>, pressed: "italic", enabled: "canItalic" },
      { cmd: "underline", label: "下划线", title: "下划线（Ctrl+U）", content: <u>下划线</u>, pressed: "underline", enabled: "canUnderline" },
    ],
  },
  {
    label: "列表与引用",
    buttons: [
      { cmd: "orderedList", label: "有序列表", title: "有序列表（Ctrl+Shift+7）", content: "有序列表", pressed: "orderedList", enabled: "canOrderedList" },
      { cmd: "bulletList", label: "无序列表", title: "无序列表（Ctrl+Shift+8）", content: "无序列表", pressed: "bulletList", enabled: "canBulletList" },
      { cmd: "blockquote", label: "引用", title: "引用（Ctrl+Shift+B）", content: "引用", pressed: "blockquote", enabled: "canBlockquote" },
    ],
  },
  {
    label: "链接",
    buttons: [
      { cmd: "link", label: "链接", title: "插入或修改链接（留空则取消链接）", content: "链接", pressed: "link", enabled: "canLink", popup: true },
    ],
  },
  {
    label: "图片",
    buttons: [
      { cmd: "image", label: "插入图片", title: "上传并插入图片", content: "插入图片", enabled: "canInsertImage", popup: true },
      { cmd: "editImage", label: "编辑图片", title: "编辑选中图片的替代文字和说明（先用方向键或鼠标选中图片）", content: "编辑图片", enabled: "figureSelected", popup: true },
    ],
  },
  {
    label: "表格",
    buttons: [
      { cmd: "insertTable", label: "插入表格", title: "插入 3×3 表格（含标题行）", content: "插入表格", enabled: "canInsertTable" },
      { cmd: "addRow", label: "在下方插入行", title: "在下方插入行", content: "插入行", enabled: "canAddRow" },
      { cmd: "deleteRow", label: "删除行", title: "删除当前行", content: "删除行", enabled: "canDeleteRow" },
      { cmd: "addColumn", label: "在右侧插入列", title: "在右侧插入列", content: "插入列", enabled: "canAddColumn" },
      { cmd: "deleteColumn", label: "删除列", title: "删除当前列", content: "删除列", enabled: "canDeleteColumn" },
      { cmd: "deleteTable", label: "删除表格", title: "删除整个表格", content: "删除表格", enabled: "canDeleteTable" },
    ],
  },
];

export function Toolbar({
  state,
  onCommand,
  onEscape,
  controls,
  toolbarRef,
}: {
  state: ToolbarState;
  onCommand: (cmd: ToolbarCommand) => void;
  /** Esc in the toolbar: back to the editing area. */
  onEscape: () => void;
  /** id of the editing area. */
  controls: string;
  toolbarRef?: React.RefObject<HTMLDivElement | null>;
}) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = toolbarRef ?? ownRef;
  const activeIndex = useRef(0);

  // Roving tab stop (WAI-ARIA toolbar pattern): one Tab stop, arrow keys move between buttons.
  // tabIndex is managed here rather than rendered, so server and client markup match.
  const buttons = () => Array.from(ref.current?.querySelectorAll<HTMLButtonElement>("button[data-rte-cmd]") ?? []);
  const syncTabStops = () => {
    const all = buttons();
    if (!all.length) return;
    let idx = activeIndex.current;
    if (!all[idx] || all[idx].disabled) idx = all.findIndex((b) => !b.disabled);
    activeIndex.current = Math.max(idx, 0);
    all.forEach((b, i) => (b.tabIndex = i === idx ? 0 : -1));
  };
  useEffect(syncTabStops);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onEscape();
      return;
    }
    if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) return;
    const all = buttons();
    const enabled = all.filter((b) => !b.disabled);
    if (!enabled.length) return;
    const current = enabled.indexOf(document.activeElement as HTMLButtonElement);
    let next: number;
    if (e.key === "Home") next = 0;
    else if (e.key === "End") next = enabled.length - 1;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = current <= 0 ? enabled.length - 1 : current - 1;
    else next = current < 0 || current === enabled.length - 1 ? 0 : current + 1;
    e.preventDefault();
    activeIndex.current = all.indexOf(enabled[next]);
    syncTabStops();
    enabled[next].focus();
  };

  return (
    <div
      ref={ref}
      className="rte-toolbar"
      role="toolbar"
      aria-label="编辑工具栏"
      aria-controls={controls}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const t: EventTarget = e.target;
        const i = t instanceof HTMLButtonElement ? buttons().indexOf(t) : -1;
        if (i >= 0) {
          activeIndex.current = i;
          syncTabStops();
        }
      }}
    >
      {GROUPS.map((group) => (
        <div key={group.label} className="rte-group" role="group" aria-label={group.label}>
          {group.buttons.map((b) => {
            const disabled = !state.ready || !state[b.enabled];
            return (
              <button
                key={b.cmd}
                type="button"
                className="rte-btn"
                data-rte-cmd={b.cmd}
                aria-label={b.label}
                title={b.title ?? b.label}
                aria-pressed={b.pressed ? !!state[b.pressed] : undefined}
                aria-haspopup={b.popup ? "dialog" : undefined}
                disabled={disabled}
                // Keep the caret (and focus) in the editing area when clicked with the mouse.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onCommand(b.cmd)}
              >
                {b.content}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
