"use client";

import "./editor.css";
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from "react";
import { flushSync } from "react-dom";
import { EditorContent, createDocument, getHTMLFromFragment, useEditor, useEditorState, type Editor, type EditorOptions } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { TableHeader, TableKit } from "@tiptap/extension-table";
import { Fragment, Slice } from "@tiptap/pm/model";
import { NodeSelection } from "@tiptap/pm/state";
import type { UploadedMedia } from "../MediaUpload";
import { cleanPastedHtml, hasUnimportableImages, plainTextToParagraphs } from "./clean-pasted-html";
import { DEFAULT_SIZES, Figure, type FigureAttrs } from "./figure";
import { ImageDialog, type ImageFields } from "./ImageDialog";
import { TextDialog } from "../TextDialog";
import { isAllowedHref, normalizeHref } from "./link-href";
import { PolicyHighlights, policyHighlightsKey, type PolicyHighlight } from "./policy-highlights";
import { EMPTY_TOOLBAR_STATE, Toolbar, type ToolbarCommand, type ToolbarState } from "./Toolbar";

export interface RichTextEditorProps {
  id: string; // id of the editable element (a <label htmlFor={id}> points at it)
  value: string; // HTML
  onChange: (html: string) => void;
  invalid?: boolean; // sets aria-invalid
  describedBy?: string; // aria-describedby
  label?: string; // accessible name of the editing area, e.g. "正文"
  highlights?: PolicyHighlight[]; // content-policy matches to mark in the text
}

/** Header cells keep their scope attribute (th scope="col"/"row"), which the sanitizer allows. */
const ScopedTableHeader = TableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      scope: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute("scope"),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.scope ? { scope: attrs.scope } : {}),
      },
    };
  },
});

type DialogState = { mode: "insert" } | { mode: "edit"; pos: number; attrs: FigureAttrs } | { mode: "link"; previous: string } | null;

function selectedFigure(editor: Editor): { pos: number; attrs: FigureAttrs } | null {
  const sel = editor.state.selection;
  if (sel instanceof NodeSelection && sel.node.type.name === "figure") return { pos: sel.from, attrs: sel.node.attrs as FigureAttrs };
  return null;
}

/**
 * Empty paragraphs at the very end carry nothing; the editor keeps one after a
 * final table or image so the caret can get there (TrailingNode), but it is not
 * part of the content.
 */
function trimTrailingEmpty(html: string): string {
  return html.replace(/(?:<p><\/p>)+$/, "");
}

/** The editor's HTML for the form: "" when there is nothing in it. */
function editorHtml(editor: Editor): string {
  return editor.isEmpty ? "" : trimTrailingEmpty(editor.getHTML());
}

/** `html` as this editor would serialise it (so sanitised or reformatted echoes of our own output are recognised). */
function normalise(editor: Editor, html: string): string {
  if (!html) return "";
  try {
    const doc = createDocument(html, editor.schema);
    return trimTrailingEmpty(getHTMLFromFragment(doc.content, editor.schema));
  } catch {
    return html;
  }
}

function toolbarState(editor: Editor | null): ToolbarState {
  if (!editor || editor.isDestroyed) return EMPTY_TOOLBAR_STATE;
  const can = () => editor.can().chain();
  const figure = selectedFigure(editor);
  const inTable = editor.isActive("table");
  return {
    ready: editor.isEditable,
    paragraph: editor.isActive("paragraph"),
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    underline: editor.isActive("underline"),
    orderedList: editor.isActive("orderedList"),
    bulletList: editor.isActive("bulletList"),
    blockquote: editor.isActive("blockquote"),
    link: editor.isActive("link"),
    canParagraph: can().setParagraph().run(),
    canHeading: can().toggleHeading({ level: 2 }).run(),
    canBold: can().toggleBold().run(),
    canItalic: can().toggleItalic().run(),
    canUnderline: can().toggleUnderline().run(),
    canOrderedList: can().toggleOrderedList().run(),
    canBulletList: can().toggleBulletList().run(),
    canBlockquote: can().toggleBlockquote().run(),
    canLink: !figure && can().setLink({ href: "https://example.com" }).run(),
    canUndo: can().undo().run(),
    canRedo: can().redo().run(),
    canInsertTable: !inTable && can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    canInsertImage: true,
    figureSelected: !!figure,
    inTable,
    canAddRow: inTable && can().addRowAfter().run(),
    canDeleteRow: inTable && can().deleteRow().run(),
    canAddColumn: inTable && can().addColumnAfter().run(),
    canDeleteColumn: inTable && can().deleteColumn().run(),
    canDeleteTable: inTable && can().deleteTable().run(),
  };
}

/* eslint-disable react-hooks/refs, react-hooks/preserve-manual-memoization --
   Tiptap builds its extensions and editor props once and calls our handlers later from
   outside React; the "latest value in a ref" pattern is how those handlers see current
   props and state. The React Compiler rules cannot see that the refs are read only in
   those later callbacks, never for rendering. */
/**
 * Rich-text editor for article bodies and static pages (Tiptap / ProseMirror).
 * Emits HTML in the shapes lib/content/sanitize.ts allows; the server
 * sanitises it again on save.
 */
export function RichTextEditor({ id, value, onChange, invalid, describedBy, label, highlights }: RichTextEditorProps): JSX.Element {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  /** The last HTML we reported, to recognise our own value coming back through props. */
  const lastEmitted = useRef<string | null>(null);
  const initialValue = useRef(value);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const editRef = useRef<(pos: number) => void>(() => {});
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);

  // Messages fade after a while; the live region itself stays in the page.
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(t);
  }, [message]);

  const extensions = useMemo(
    () => [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: {
          openOnClick: false,
          autolink: false,
          linkOnPaste: true,
          defaultProtocol: "https",
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url: string) => isAllowedHref(url),
        },
      }),
      TableKit.configure({ table: { resizable: false }, tableHeader: false }),
      ScopedTableHeader,
      Figure.configure({ onEdit: (pos: number) => editRef.current(pos) }),
      PolicyHighlights,
    ],
    [],
  );

  const editorProps = useMemo<EditorOptions["editorProps"]>(() => {
    const attributes: Record<string, string> = {
      id,
      class: "rte-content",
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": label || "正文",
    };
    if (invalid) attributes["aria-invalid"] = "true";
    if (describedBy) attributes["aria-describedby"] = describedBy;
    return {
      attributes,
      transformPastedHTML: (html: string) => {
        if (hasUnimportableImages(html)) setMessage("粘贴内容中的图片无法直接导入，已略去。请使用“插入图片”按钮上传图片。");
        return cleanPastedHtml(html);
      },
      // Plain-text paste: one paragraph per line, text kept exactly.
      clipboardTextParser: (text, $context, _plain, view) => {
        const { schema } = view.state;
        if ($context.parent.type.spec.code) return new Slice(Fragment.from(schema.text(text.replace(/\r\n?/g, "\n"))), 0, 0);
        const marks = $context.marks();
        const paragraphs = plainTextToParagraphs(text).map((line) => schema.nodes.paragraph.create(null, schema.text(line, marks)));
        return Slice.maxOpen(Fragment.from(paragraphs));
      },
      handleKeyDown: (_view, event) => {
        // Alt+F10 moves to the toolbar (the convention of most web editors).
        if (event.altKey && event.key === "F10") {
          event.preventDefault();
          const target = toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]') ?? toolbarRef.current?.querySelector<HTMLButtonElement>("button:not(:disabled)");
          target?.focus();
          return true;
        }
        return false;
      },
    };
  }, [id, invalid, describedBy, label]);

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions,
    content: initialValue.current || "",
    editorProps,
    onUpdate: ({ editor: e }) => {
      const html = editorHtml(e);
      lastEmitted.current = html;
      onChangeRef.current(html);
    },
  });

  // Content replaced from outside (a restored revision, a reset form). Our own
  // echo, or an equivalent of what the editor holds, is ignored so typing never
  // loses the caret.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (value === lastEmitted.current) return;
    const current = editorHtml(editor);
    if (value === current || normalise(editor, value) === current) {
      lastEmitted.current = value;
      return;
    }
    editor.commands.setContent(value || "", { emitUpdate: false });
    lastEmitted.current = value;
  }, [editor, value]);

  // Content-policy marks: a decoration-only transaction (no undo step, no change event).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(policyHighlightsKey, highlights ?? []).setMeta("addToHistory", false));
  }, [editor, highlights]);

  // <label htmlFor={id}> does not focus a contenteditable by itself.
  useEffect(() => {
    if (!editor) return;
    const labels = Array.from(document.querySelectorAll<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`));
    const focus = (e: MouseEvent) => {
      e.preventDefault();
      editor.commands.focus();
    };
    labels.forEach((l) => l.addEventListener("click", focus));
    return () => labels.forEach((l) => l.removeEventListener("click", focus));
  }, [editor, id]);

  const state = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e) }) ?? EMPTY_TOOLBAR_STATE;

  const openDialog = useCallback((next: DialogState) => {
    const active = document.activeElement;
    openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setDialog(next);
  }, []);

  /**
   * Unmounts the modal synchronously: while it is open the rest of the page is
   * inert, so focus can only go back to the editor after it is gone.
   */
  const dismissDialog = () => flushSync(() => setDialog(null));

  editRef.current = (pos: number) => {
    if (!editor) return;
    const node = editor.state.doc.nodeAt(pos);
    if (!node || node.type.name !== "figure") return;
    editor.commands.setNodeSelection(pos);
    openDialog({ mode: "edit", pos, attrs: node.attrs as FigureAttrs });
  };

  const closeDialog = () => {
    dismissDialog();
    const opener = openerRef.current;
    if (opener && opener.isConnected && !opener.matches(":disabled")) opener.focus();
    else editor?.commands.focus();
  };

  const LINK_INVALID = "链接地址无效：只支持以 http://、https://、mailto:、tel: 开头的地址，或以 / 开头的站内地址。";

  /** 链接 dialog confirmed: "" removes the link; the address was checked by the dialog. */
  function applyLink(input: string) {
    if (!editor) return;
    const href = normalizeHref(input);
    // Close first: the page is inert while the modal is open, and the editor takes the focus back below.
    dismissDialog();
    if (href === null) return;
    const e = editor;
    if (href === "") {
      e.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (e.state.selection.empty && !e.isActive("link")) {
      // Nothing selected: the address itself becomes the link text.
      e.chain()
        .focus()
        .insertContent({ type: "text", text: href.replace(/^mailto:|^tel:/i, ""), marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else {
      e.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
  }

  function run(cmd: ToolbarCommand) {
    if (!editor) return;
    const chain = () => editor.chain().focus();
    switch (cmd) {
      case "undo": chain().undo().run(); break;
      case "redo": chain().redo().run(); break;
      case "paragraph": chain().setParagraph().run(); break;
      case "h2": chain().toggleHeading({ level: 2 }).run(); break;
      case "h3": chain().toggleHeading({ level: 3 }).run(); break;
      case "bold": chain().toggleBold().run(); break;
      case "italic": chain().toggleItalic().run(); break;
      case "underline": chain().toggleUnderline().run(); break;
      case "orderedList": chain().toggleOrderedList().run(); break;
      case "bulletList": chain().toggleBulletList().run(); break;
      case "blockquote": chain().toggleBlockquote().run(); break;
      case "link": openDialog({ mode: "link", previous: (editor.getAttributes("link").href as string | undefined) ?? "" }); break;
      case "image": openDialog({ mode: "insert" }); break;
      case "editImage": {
        const figure = selectedFigure(editor);
        if (figure) openDialog({ mode: "edit", ...figure });
        break;
      }
      case "insertTable": chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(); break;
      case "addRow": chain().addRowAfter().run(); break;
      case "deleteRow": chain().deleteRow().run(); break;
      case "addColumn": chain().addColumnAfter().run(); break;
      case "deleteColumn": chain().deleteColumn().run(); break;
      case "deleteTable": chain().deleteTable().run(); break;
    }
  }

  function insertUploaded(media: UploadedMedia, fields: ImageFields) {
    dismissDialog();
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertFigure({
        src: media.url,
        srcset: media.srcset || null,
        sizes: DEFAULT_SIZES,
        alt: fields.alt,
        width: media.width ? String(media.width) : null,
        height: media.height ? String(media.height) : null,
        caption: fields.caption,
        credit: fields.credit,
      })
      .run();
    setMessage("图片已插入。");
  }

  function saveFigure(pos: number, fields: ImageFields) {
    dismissDialog();
    if (!editor) return;
    editor.chain().focus().updateFigure(pos, fields).setNodeSelection(pos).run();
  }

  function deleteFigure(pos: number) {
    dismissDialog();
    if (!editor) return;
    editor.chain().focus().setNodeSelection(pos).deleteSelection().run();
    setMessage("图片已删除。");
  }

  return (
    <div className={`rte${invalid ? " rte-invalid" : ""}`}>
      <Toolbar
        state={state}
        onCommand={run}
        onEscape={() => editor?.commands.focus()}
        controls={id}
        toolbarRef={toolbarRef}
      />
      <EditorContent editor={editor} className="rte-body" />
      {!editor && (
        <p className="rte-loading" aria-hidden="true">
          编辑器加载中…
        </p>
      )}
      <p className="rte-help">
        提示：Alt+F10 转到工具栏，方向键切换按钮，Esc 返回正文。从 Word、WPS 粘贴时会自动清除多余格式；图片请用“插入图片”上传。
      </p>
      <div className="rte-status" role="status" aria-live="polite">
        {message}
      </div>
      {dialog?.mode === "link" && (
        <TextDialog
          title={dialog.previous ? "编辑链接" : "插入链接"}
          intro="选中文字后插入链接；未选中文字时，链接地址本身作为链接文字插入。"
          label="链接地址"
          hint={dialog.previous ? "以 http://、https://、mailto:、tel: 或 / 开头；清空后确定则取消链接。" : "以 http://、https://、mailto:、tel: 或 / 开头，如 https://www.gov.cn"}
          input="text"
          initial={dialog.previous}
          maxLength={2000}
          validate={(v) => (normalizeHref(v) === null ? LINK_INVALID : undefined)}
          confirmLabel="确定"
          onConfirm={applyLink}
          onClose={closeDialog}
        />
      )}
      {dialog?.mode === "insert" && <ImageDialog mode="insert" onClose={closeDialog} onInsert={insertUploaded} />}
      {dialog?.mode === "edit" && (
        <ImageDialog
          mode="edit"
          initial={{ src: dialog.attrs.src, alt: dialog.attrs.alt ?? "", caption: dialog.attrs.caption ?? "", credit: dialog.attrs.credit ?? "" }}
          onClose={closeDialog}
          onSave={(fields) => saveFigure(dialog.pos, fields)}
          onDelete={() => deleteFigure(dialog.pos)}
        />
      )}
    </div>
  );
}
