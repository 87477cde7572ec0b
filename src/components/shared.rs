//! `Shared<T>`, a reference-counted value that props and memo dependencies compare by
//! pointer. The reducer never changes a value in place while the old state is alive, so the
//! same allocation means the same value, and a re-render need not compare whole matrices.
//! Also the small handlers several views share.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` whose equality is "the same allocation".
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(value: Rc<T>) -> Self {
        Self(value)
    }
}

/// The `ontoggle` handler of a `<details>`: keeps `open` equal to whether it is open, so what
/// it holds is drawn only while it is.
pub fn on_toggle(open: &yew::UseStateHandle<bool>) -> yew::Callback<web_sys::Event> {
    let open = open.clone();
    yew::Callback::from(move |e: web_sys::Event| {
        use yew::TargetCast;
        open.set(
            e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                .open(),
        );
    })
}

/// A callback that stays the same allocation across renders (so the views given it are not
/// redrawn for its sake) and always runs the `f` of the latest render.
#[yew::hook]
pub fn use_latest_callback<IN: 'static, OUT: 'static, F>(f: F) -> yew::Callback<IN, OUT>
where
    F: Fn(IN) -> OUT + 'static,
{
    let f: Rc<dyn Fn(IN) -> OUT> = Rc::new(f);
    let latest = yew::use_mut_ref(|| Rc::clone(&f));
    *latest.borrow_mut() = f;
    let callback = yew::use_memo((), move |()| {
        yew::Callback::from(move |input: IN| {
            let now = Rc::clone(&latest.borrow());
            now(input)
        })
    });
    (*callback).clone()
}

/// A header cell (`<th scope="col">`) for each of these column names, in order.
pub fn column_heads(names: &[&'static str]) -> yew::Html {
    names
        .iter()
        .map(|name| yew::html! { <th scope="col">{ *name }</th> })
        .collect()
}
