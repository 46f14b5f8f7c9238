// The admin's rich-text editor (tep_portal/rich_text.py): django-prose-editor's Tiptap build with
// only what the server's sanitiser keeps — subheadings, paragraphs, lists, links, bold, italic.
// An ES module from our own origin, importing the editor by URL (no import map, nothing inline),
// so it runs under the site's Content-Security-Policy.
import {
  Bold,
  BulletList,
  createTextareaEditor,
  Document,
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
