//! "Medlemmar och inbjudningar" (`#/members`), for the council's processledare: the devices in
//! the council (spärra one), new invitations with the link to send, and the invitations in force.

use std::rc::Rc;

use leptos::prelude::*;

use super::route::Route;
use super::{lang, tr, with_ws};
use crate::access::{AccessError, InvitationCode, Role};
use crate::i18n::Key;
use crate::sync::{DeviceView, InvitationView};

/// A list fetched from the relay: `None` while it is on its way.
type Fetched<T> = RwSignal<Option<Result<Vec<T>, AccessError>>>;

fn role_name(code: &str) -> String {
    Role::from_code(code).map(|r| tr(r.key()).to_string()).unwrap_or_else(|| code.to_string())
}

/// A time from the relay (Unix seconds) in this device's time zone.
fn when(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|d| d.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

#[component]
pub fn MembersPage() -> impl IntoView {
    let access = with_ws(|ws| ws.access());
    let councils = with_ws(|ws| ws.councils());
    let role = Memo::new(move |_| {
        let council = councils.as_ref().and_then(|c| c.with(|c| c.current))?;
        access.as_ref().and_then(|a| a.with(|a| a.of(council).map(|g| g.role)))
    });
    view! {
        <h1>{move || tr(Key::MembersPage)}</h1>
        <p><a href=Route::Settings.href()>"← " {move || tr(Key::Settings)}</a></p>
        {move || match role.get() {
            Some(Role::Admin) => view! { <Members/> }.into_any(),
            _ => view! { <p>{move || tr(Key::MembersOnlyAdmins)}</p> }.into_any(),
        }}
    }
}

#[component]
fn Members() -> impl IntoView {
    let devices: Fetched<DeviceView> = RwSignal::new(None);
    let invitations: Fetched<InvitationView> = RwSignal::new(None);
    let action_problem = RwSignal::new(None::<AccessError>);
    let fetch = move || {
        let Some(ws) = with_ws(Rc::clone) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let d = ws.devices().await;
            devices.try_set(Some(d));
            let i = ws.invitations().await;
            invitations.try_set(Some(i));
        });
    };
    fetch();
    let me = with_ws(|ws| ws.grant().map(|g| g.device)).flatten().unwrap_or_default();
    let revoke_device = move |device: DeviceView| {
        let question = lang().pick(
            format!("Spärra {}? Enheten kan inte längre synka med rådet.", device.name),
            format!("Block {}? The device can no longer sync with the council.", device.name),
        );
        let sure = web_sys::window().and_then(|w| w.confirm_with_message(&question).ok()).unwrap_or(false);
        if !sure {
            return;
        }
        let Some(ws) = with_ws(Rc::clone) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let result = ws.revoke_device(&device.id).await;
            action_problem.try_set(result.err());
            fetch();
        });
    };
    let withdraw = move |id: String| {
        let Some(ws) = with_ws(Rc::clone) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let result = ws.revoke_invitation(&id).await;
            action_problem.try_set(result.err());
            fetch();
        });
    };
    view! {
        <p class="subtitle">{move || tr(Key::MembersIntro)}</p>
        <p role="alert">{move || action_problem.get().map(|e| view! { <span class="problem">{e.say(lang())}</span> })}</p>
        <section aria-labelledby="devices-h">
            <h2 id="devices-h">{move || tr(Key::Devices)}</h2>
            <button type="button" on:click=move |_| fetch()>{move || tr(Key::Refresh)}</button>
            {move || match devices.get() {
                None => view! { <p class="loading">{tr(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="problem">{e.say(lang())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{tr(Key::NoDevicesYet)}</p> }.into_any(),
                Some(Ok(list)) => {
                    let me = me.clone();
                    view! {
                        <table class="register members">
                            <thead><tr>
                                <th scope="col">{tr(Key::DeviceCol)}</th>
                                <th scope="col">{tr(Key::DeviceOrganisation)}</th>
                                <th scope="col">{tr(Key::AccessRole)}</th>
                                <th scope="col">{tr(Key::LastSeen)}</th>
                                <th scope="col"><span class="visually-hidden">{tr(Key::RowActions)}</span></th>
                            </tr></thead>
                            <tbody>{list.into_iter().map(|d| {
                                let this = d.id == me;
                                let label = format!("{} ({})", tr(Key::RevokeDevice), d.name);
                                let shown = d.clone();
                                view! {
                                    <tr class:revoked=d.revoked>
                                        <th scope="row">{d.name.clone()}{this.then(|| format!(" ({})", tr(Key::ThisDevice)))}</th>
                                        <td>{d.organisation.clone()}</td>
                                        <td>{role_name(&d.role)}</td>
                                        <td>{when(d.last_seen)}</td>
                                        <td>{if d.revoked {
                                            view! { <span class="tag">{tr(Key::DeviceIsRevoked)}</span> }.into_any()
                                        } else if this {
                                            ().into_any()
                                        } else {
                                            view! { <button type="button" aria-label=label on:click=move |_| revoke_device(shown.clone())>{tr(Key::RevokeDevice)}</button> }.into_any()
                                        }}</td>
                                    </tr>
                                }
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }
            }}
        </section>
        <NewInvitation on_made=Callback::new(move |()| fetch())/>
        <section aria-labelledby="invitations-h">
            <h2 id="invitations-h">{move || tr(Key::Invitations)}</h2>
            {move || match invitations.get() {
                None => view! { <p class="loading">{tr(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="problem">{e.say(lang())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{tr(Key::NoInvitationsYet)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <table class="register invitations">
                        <thead><tr>
                            <th scope="col">{tr(Key::InvitationLabel)}</th>
                            <th scope="col">{tr(Key::AccessRole)}</th>
                            <th scope="col">{tr(Key::ValidUntil)}</th>
                            <th scope="col">{tr(Key::UsesLeft)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Key::RowActions)}</span></th>
                        </tr></thead>
                        <tbody>{list.into_iter().map(|i| {
                            let label = i.label.clone().unwrap_or_else(|| i.id.clone());
                            let button_label = format!("{} ({label})", tr(Key::WithdrawInvitation));
                            let id = i.id.clone();
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{role_name(&i.role)}</td>
                                    <td>{when(i.expires)}</td>
                                    <td>{i.uses_left.map_or_else(|| tr(Key::AnyNumber).to_string(), |n| n.to_string())}</td>
                                    <td>{if i.revoked {
                                        view! { <span class="tag">{tr(Key::InvitationWithdrawn)}</span> }.into_any()
                                    } else {
                                        view! { <button type="button" aria-label=button_label on:click=move |_| withdraw(id.clone())>{tr(Key::WithdrawInvitation)}</button> }.into_any()
                                    }}</td>
                                </tr>
                            }
                        }).collect_view()}</tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}

/// "Skapa inbjudan": role, days, uses and a label; the link is shown this once.
#[component]
fn NewInvitation(on_made: Callback<()>) -> impl IntoView {
    let role = RwSignal::new(Role::Editor);
    let days = RwSignal::new("7".to_string());
    let uses = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let link = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        link.set(None);
        let Ok(d) = days.get_untracked().trim().parse::<u32>() else {
            problem.set(Some(tr(Key::BadDays).to_string()));
            return;
        };
        if !(1..=365).contains(&d) {
            problem.set(Some(tr(Key::BadDays).to_string()));
            return;
        }
        let u = match uses.get_untracked().trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    problem.set(Some(tr(Key::BadUses).to_string()));
                    return;
                }
            },
        };
        problem.set(None);
        let Some(ws) = with_ws(Rc::clone) else { return };
        let l = lang();
        wasm_bindgen_futures::spawn_local(async move {
            match ws.create_invitation(role.get_untracked(), d, u, &label.get_untracked()).await {
                Ok(made) => {
                    link.try_set(join_link(&made.council, &made.secret));
                    on_made.run(());
                }
                Err(e) => {
                    problem.try_set(Some(e.say(l)));
                }
            }
        });
    };
    let roles = [Role::Editor, Role::Reader, Role::Admin];
    view! {
        <form class="settings new-invitation" aria-labelledby="new-invitation-h" on:submit=create novalidate>
            <h2 id="new-invitation-h">{move || tr(Key::CreateInvitation)}</h2>
            <label for="inv-role">{move || tr(Key::AccessRole)}</label>
            <select id="inv-role" on:change=move |ev| {
                if let Some(r) = Role::from_code(&event_target_value(&ev)) { role.set(r); }
            }>
                {roles.into_iter().map(|r| view! {
                    <option value=r.code() selected=move || role.get() == r>{move || tr(r.key())}</option>
                }).collect_view()}
            </select>
            <label for="inv-days">{move || tr(Key::InvitationDays)}</label>
            <input id="inv-days" type="text" inputmode="numeric" prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
            <label for="inv-uses">{move || tr(Key::InvitationUses)}</label>
            <input id="inv-uses" type="text" inputmode="numeric" aria-describedby="inv-uses-help" prop:value=move || uses.get() on:input=move |ev| uses.set(event_target_value(&ev))/>
            <p id="inv-uses-help" class="help">{move || tr(Key::InvitationUsesHelp)}</p>
            <label for="inv-label">{move || tr(Key::InvitationLabel)}</label>
            <input id="inv-label" type="text" maxlength="100" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
            <p role="alert">{move || problem.get().map(|p| view! { <span class="problem">{p}</span> })}</p>
            <button type="submit" class="primary">{move || tr(Key::CreateInvitation)}</button>
            {move || link.get().map(|l| view! {
                <div role="status">
                    <p class="ok">{tr(Key::InvitationCreated)}</p>
                    <label for="inv-link">{tr(Key::InvitationLink)}</label>
                    <input id="inv-link" type="text" readonly data-testid="invitation-link" aria-describedby="inv-link-help" prop:value=l
                        on:focus=move |ev| { if let Some(i) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) { i.select(); } }/>
                    <p id="inv-link-help" class="help">{tr(Key::InvitationLinkHelp)}</p>
                </div>
            })}
        </form>
    }
}

/// The link a new member opens: this app's address with the join route.
fn join_link(council: &str, secret: &str) -> Option<String> {
    let council = radslag_protocol::DocumentId::parse(council).ok()?;
    let code = InvitationCode::parse(secret)?;
    let location = web_sys::window()?.location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    Some(format!("{base}{}", Route::Join(council, code).href()))
}
