//! A text field bound to co-written Automerge text: typing becomes character splices (so two
//! people typing in the same field both keep their words), and a remote change updates the
//! field without moving the cursor away from where the person is typing. A multi-line field
//! grows with its text, so nobody scrolls inside a small box on a tablet.

use leptos::html;
use leptos::prelude::*;

use crate::text_diff::{moved_cursor, splice_between};

fn char_to_utf16(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// What a one-line and a multi-line text field share.
trait TextControl {
    fn text(&self) -> String;
    fn set_text(&self, text: &str);
    /// The cursor in UTF-16 units, as the browser counts.
    fn cursor(&self) -> Option<u32>;
    fn set_cursor(&self, at: u32);
}

macro_rules! text_control {
    ($element:ty) => {
        impl TextControl for $element {
            fn text(&self) -> String {
                self.value()
            }
            fn set_text(&self, text: &str) {
                self.set_value(text);
            }
            fn cursor(&self) -> Option<u32> {
                self.selection_start().ok().flatten()
            }
            fn set_cursor(&self, at: u32) {
                let _ = self.set_selection_range(at, at);
            }
        }
    };
}

text_control!(web_sys::HtmlInputElement);
text_control!(web_sys::HtmlTextAreaElement);

/// Shows the document's text in the field, keeping the cursor where the person was typing.
fn show_document_text(el: &impl TextControl, new: &str) {
    let current = el.text();
    if current == new {
        return;
    }
    let cursor = el.cursor().map(|u| crate::doc::utf16_to_char_index(&current, u as usize));
    el.set_text(new);
    if let Some(c) = cursor {
        el.set_cursor(char_to_utf16(new, moved_cursor(&current, new, c)));
    }
}

/// Makes a text area as tall as its text (never shorter than its CSS `min-height`).
fn fit_height(el: &web_sys::HtmlTextAreaElement) {
    let style = web_sys::HtmlElement::style(el);
    let _ = style.set_property("height", "auto");
    // scrollHeight leaves out the borders, which `box-sizing: border-box` counts.
    let borders = el.offset_height() - el.client_height();
    let _ = style.set_property("height", &format!("{}px", el.scroll_height() + borders.max(0)));
}

/// A co-written text field. `on_splice(pos, removed, inserted)` applies typing to the document;
/// `on_commit` runs on blur so the typing is saved at once.
#[component]
pub fn CoTextField(
    /// The document's current text.
    #[prop(into)]
    value: Signal<String>,
    /// The accessible name of the field.
    #[prop(into)]
    label: Signal<String>,
    on_splice: impl Fn(usize, usize, String) + 'static,
    on_commit: impl Fn() + 'static,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    // What the field showed after the last local or remote change: the base of the next diff.
    let shown = StoredValue::new(value.get_untracked());
    let on_input = move |text: String| {
        let old = shown.get_value();
        if let Some((pos, removed, inserted)) = splice_between(&old, &text) {
            shown.set_value(text);
            on_splice(pos, removed, inserted);
        }
    };
    if multiline {
        let node = NodeRef::<html::Textarea>::new();
        Effect::new(move |_| {
            let new = value.get();
            let Some(el) = node.get() else { return };
            show_document_text(&el, &new);
            shown.set_value(new);
            // After layout, so a field just put on the page measures its text.
            request_animation_frame(move || fit_height(&el));
        });
        view! {
            <textarea node_ref=node class=class aria-label=move || label.get() rows="3"
                on:input=move |ev| {
                    on_input(event_target_value(&ev));
                    if let Some(el) = node.get_untracked() {
                        fit_height(&el);
                    }
                }
                on:blur=move |_| on_commit()>{value.get_untracked()}</textarea>
        }
        .into_any()
    } else {
        let node = NodeRef::<html::Input>::new();
        Effect::new(move |_| {
            let new = value.get();
            let Some(el) = node.get() else { return };
            show_document_text(&el, &new);
            shown.set_value(new);
        });
        view! {
            <input node_ref=node type="text" class=class aria-label=move || label.get() value=value.get_untracked()
                on:input=move |ev| on_input(event_target_value(&ev))
                on:blur=move |_| on_commit()/>
        }
        .into_any()
    }
}
