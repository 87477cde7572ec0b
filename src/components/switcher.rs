//! The matrix switcher: one tab per matrix (Crime / ASB), arrow keys move between them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SwitcherProps {
    pub names: Vec<String>,
    pub active: usize,
    pub on_select: Callback<usize>,
}

#[function_component(Switcher)]
pub fn switcher(props: &SwitcherProps) -> Html {
    let count = props.names.len();
    let onkeydown = {
        let on_select = props.on_select.clone();
        let active = props.active;
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (active + 1) % count.max(1),
                "ArrowLeft" => (active + count.max(1) - 1) % count.max(1),
                "Home" => 0,
                "End" => count.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            on_select.emit(next);
            focus_tab(next);
        })
    };
    html! {
        <nav class="switcher" role="tablist" aria-label="Matrix" {onkeydown}>
            { for props.names.iter().enumerate().map(|(index, name)| {
                let selected = index == props.active;
                let onclick = props.on_select.reform(move |_| index);
                html! {
                    <button type="button" role="tab" id={format!("tab-{index}")}
                        aria-selected={selected.to_string()} aria-controls="matrix-panel"
                        tabindex={if selected { "0" } else { "-1" }}
                        class={classes!("tab", selected.then_some("selected"))} {onclick}>
                        { name }
                    </button>
                }
            }) }
        </nav>
    }
}

fn focus_tab(index: usize) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{index}")))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
