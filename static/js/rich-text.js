// The admin's rich-text editor (tep_portal/rich_text.py): django-prose-editor's Tiptap build with
// only what the server's sanitiser keeps — subheadings, paragraphs, lists, links, bold, italic.
// An ES module from our own origin, importing the editor by URL (no import map, nothing inline),
// so it runs under the site's Content-Security-Policy.
import {
  Bold,
  BulletList,
  Document,
  Editor,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  initializeEditors,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
} from "../django_prose_editor/editor.js";

const SELECTOR = "textarea[data-rich-text]";

// The editor's own HTML when it holds nothing: one empty block. The field then stays empty.
const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i;

// Like django-prose-editor's createTextareaEditor, but with Tiptap's injected <style> element
// switched off (the CSP allows no inline style): its few rules are in static/css/admin.css.
function createTextareaEditor(textarea, extensions) {
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    extensions,
    content: textarea.value,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = EMPTY.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  return createTextareaEditor(textarea, [
    Document,
    Paragraph,
    Text,
    HardBreak,
    History,
    Dropcursor,
    Gapcursor,
    Menu,
    Heading.configure({ levels: [2, 3] }),
    Bold,
    Italic,
    Link,
    BulletList,
    OrderedList,
    ListItem,
  ]);
}

initializeEditors(createEditor, SELECTOR);
