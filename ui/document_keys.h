// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QObject;
class QWidget;

namespace statusscope::ui {

// The window's document keys (Ctrl+L, Ctrl+F, Ctrl+Enter, Esc, Ctrl+Shift+C) act on whatever
// the current tab marks for them, so one menu action serves every kind of tab and works from
// anywhere in it, and a tab without a target simply ignores the key.
enum class DocumentKey {
    GoToUrl,   // a line edit: focused, its text selected
    GoToFilter,
    Send,      // a button or an action: clicked / triggered
    Cancel,
    CopyAsCurl,
};

// Marks `target` (a widget or a QAction inside the document) as what `key` acts on.
void setDocumentKeyTarget(QObject *target, DocumentKey key);

// Acts on the first marked target inside `document` that is shown and enabled; false when
// there is none (nothing running to cancel, a tab without a URL).
bool triggerDocumentKey(QWidget *document, DocumentKey key);

} // namespace statusscope::ui
