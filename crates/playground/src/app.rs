//! The page: lesson on the left (text, editor, console), graph, debugger and inspector on the
//! right. State lives in one reducer (`state.rs`); the interpreter runs in a worker (`bridge.rs`).
//!
//! `App` is configured by its props (`embed::Config`): the full page (`main.rs`, from the URL
//! fragment), or an embed in a blog post (`lesson`, `cell` or `graph` mode, see `embed.rs`).

use crate::bridge::{Bridge, WorkerEvent};
use crate::components::console::{console_text, Console};
use crate::components::debugger::Debugger;
use crate::components::editor::Editor;
use crate::components::graph::Graph;
use crate::components::inspector::Inspector;
use crate::components::lesson::LessonText;
use crate::embed::{Config, Mode, SharedLink};
use crate::i18n::{t, Text};
use crate::lesson::{self, Lang};
use crate::protocol::Request;
use crate::state::{Action, Activity, State};
use crate::{browser, graphview, leafedit, urlstate};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// The worker and whether it died; a dead or stopped worker is replaced before the next request.
#[derive(Default)]
struct WorkerSlot {
    bridge: Option<Bridge>,
    dead: Rc<Cell<bool>>,
    /// An embed's `run` event: told the console text of every response, as it arrives.
    on_result: Option<Callback<(String, bool)>>,
}

impl WorkerSlot {
    fn send(&mut self, request: &Request, dispatch: &UseReducerDispatcher<State>) {
        if self.dead.get() || self.bridge.is_none() {
            self.restart(dispatch);
        }
        match &self.bridge {
            Some(bridge) => bridge.send(request),
            None => dispatch.dispatch(Action::Crashed(
                "the interpreter could not be started".into(),
            )),
        }
    }

    /// Runs `request` here, on the page, and hands its response on as a worker's would be.
    /// Only for the page's first output, and only for the lesson's own cells (see the caller).
    fn run_here(&self, request: Request, dispatch: &UseReducerDispatcher<State>) {
        let response = Box::new(crate::runner::Runner::new().handle(request));
        browser::response_arrived();
        if let Some(on_result) = &self.on_result {
            on_result.emit((console_text(&response), response.done));
        }
        dispatch.dispatch(Action::Received(response));
    }

    fn restart(&mut self, dispatch: &UseReducerDispatcher<State>) {
        self.bridge = None; // terminates the old worker at once
        let dead = Rc::new(Cell::new(false));
        self.dead = dead.clone();
        let dispatch = dispatch.clone();
        let on_result = self.on_result.clone();
        let on_event = Callback::from(move |event| match event {
            WorkerEvent::Response(r) => {
                if let Some(on_result) = &on_result {
                    on_result.emit((console_text(&r), r.done));
                }
                dispatch.dispatch(Action::Received(r))
            }
            WorkerEvent::Crashed(why) => {
                dead.set(true);
                dispatch.dispatch(Action::Crashed(why));
            }
        });
        self.bridge = Bridge::spawn(on_event).ok();
    }
}

fn initial_state(config: &Config) -> State {
    let lang = config
        .lang
        .or_else(|| {
            config
                .page
                .then(|| browser::stored("autograd-playground.lang"))
                .flatten()
                .map(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_else(|| Lang::from_tag(&browser::browser_language()));
    let mut state = State::new(
        lang,
        config.step.unwrap_or(0),
        browser::prefers("(prefers-reduced-motion: reduce)"),
    );
    if let Some(code) = &config.code {
        let step = state.step;
        state.codes[step] = code.clone();
    }
    state
}

/// The app's configuration and, for an embed, its link to the host page's API.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Config,
    #[prop_or_default]
    pub link: SharedLink,
}

/// Where an embed's share link points: the full playground next to this module, wherever the
/// host page is.
fn embed_share_base() -> String {
    crate::embed::asset_url("index.html")
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let page = config.page;
    let state = use_reducer(|| initial_state(config));
    let worker = use_mut_ref(|| WorkerSlot {
        on_result: props.link.0.borrow().on_result.clone(),
        ..WorkerSlot::default()
    });
    let theme = use_state(|| {
        if page {
            browser::stored("autograd-playground.theme")
        } else {
            config.theme.clone()
        }
    });
    let share_url = use_state(|| None::<String>);
    // The editor line linked to the graph (hovered in either).
    let hover_line = use_state(|| None::<u32>);
    let on_hover_line = {
        let hover_line = hover_line.clone();
        Callback::from(move |line: Option<u32>| hover_line.set(line))
    };
    let dispatch = state.dispatcher();
    let lang = state.lang;

    // Run the step's cell when the page opens and whenever the learner moves to another step,
    // so every step shows its output at once (earlier cells run first, like a notebook).
    //
    // The first of these runs on the page itself when it is the lesson's own code: the page
    // instantiates the same module as the worker, and the worker is still starting (a new
    // thread and JavaScript context, then the module: about 100-200 ms here). The lesson's
    // cells are known, short and tested; anything else (edited code, a share link's, an
    // embed's, every later run) goes to the worker, where Stop and the step budget apply.
    let first_run = use_mut_ref(|| true);
    {
        let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
        use_effect_with(state.step, move |step| {
            if page {
                browser::set_fragment(&urlstate::format(&urlstate::Fragment {
                    step: Some(*step),
                    ..Default::default()
                }));
            }
            dispatch.dispatch(Action::Started { stepping: false });
            let first = std::mem::replace(&mut *first_run.borrow_mut(), false);
            let request = state.run_request(false);
            if first && state.runs_only_lesson_code() {
                worker.borrow().run_here(request, &dispatch);
                // The worker is idle until the learner's first Run: it warms up meanwhile.
                worker.borrow_mut().send(&Request::WarmUp, &dispatch);
            } else {
                worker.borrow_mut().send(&request, &dispatch);
            }
        });
    }
    // The backward replay's clock.
    {
        let dispatch = dispatch.clone();
        let p = state.playback.clone();
        use_effect_with(
            (p.playing, p.pos, p.run, p.interval_ms),
            move |(playing, _, _, interval)| {
                let timer = playing.then(|| {
                    gloo_timers::callback::Timeout::new(*interval, move || {
                        dispatch.dispatch(Action::Tick)
                    })
                });
                move || drop(timer)
            },
        );
    }

    let run = {
        let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
        Callback::from(move |()| {
            dispatch.dispatch(Action::Started { stepping: false });
            worker
                .borrow_mut()
                .send(&state.run_request(false), &dispatch);
        })
    };
    let step = {
        let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if state.activity == Activity::Stepping {
                worker.borrow_mut().send(&Request::Step, &dispatch);
            } else {
                dispatch.dispatch(Action::Started { stepping: true });
                worker
                    .borrow_mut()
                    .send(&state.run_request(true), &dispatch);
            }
        })
    };
    let stop = {
        let (worker, dispatch) = (worker.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            worker.borrow_mut().restart(&dispatch);
            dispatch.dispatch(Action::Stopped);
        })
    };
    let readonly = config.readonly;
    let on_edit = {
        let dispatch = dispatch.clone();
        Callback::from(move |code: String| {
            if !readonly {
                dispatch.dispatch(Action::Edit(code))
            }
        })
    };
    // Reset goes back to the lesson's code, or to an embed's own initial code.
    let reset = {
        let (dispatch, initial, step) = (dispatch.clone(), config.code.clone(), state.step);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Reset);
            if let Some(code) = &initial {
                dispatch.dispatch(Action::EditCell {
                    cell: step,
                    code: code.clone(),
                });
            }
        })
    };
    // The host page's handle on an embed (`code`, `run()`, the `run` event).
    {
        let mut link = props.link.0.borrow_mut();
        link.code = state.code().to_string();
        link.set_code = Some({
            let dispatch = dispatch.clone();
            Callback::from(move |code: String| dispatch.dispatch(Action::Edit(code)))
        });
        link.run = Some({
            let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
            Callback::from(move |code: String| {
                dispatch.dispatch(Action::Edit(code.clone()));
                let request = Request::Run {
                    prelude: state.codes[..state.step].to_vec(),
                    code,
                    stepping: false,
                };
                dispatch.dispatch(Action::Started { stepping: false });
                worker.borrow_mut().send(&request, &dispatch);
            })
        });
    }
    let on_fix = {
        let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
        Callback::from(move |code: String| {
            let request = state.run_request_after_edit(state.step, &code);
            dispatch.dispatch(Action::EditCell {
                cell: state.step,
                code,
            });
            dispatch.dispatch(Action::Started { stepping: false });
            worker.borrow_mut().send(&request, &dispatch);
        })
    };
    let go = |delta: isize| {
        let dispatch = dispatch.clone();
        let target = state.step.checked_add_signed(delta);
        Callback::from(move |_: MouseEvent| {
            if let Some(step) = target {
                dispatch.dispatch(Action::GoTo(step));
            }
        })
    };
    let switch_lang = {
        let dispatch = dispatch.clone();
        let next = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_: MouseEvent| {
            if page {
                browser::store("autograd-playground.lang", next.tag());
            }
            dispatch.dispatch(Action::SetLang(next));
        })
    };
    let toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let dark_now = theme.as_deref().map_or_else(
                || browser::prefers("(prefers-color-scheme: dark)"),
                |t| t == "dark",
            );
            let next = if dark_now { "light" } else { "dark" };
            if page {
                browser::store("autograd-playground.theme", next);
            }
            theme.set(Some(next.to_string()));
        })
    };
    let share = {
        let (state, share_url) = (state.clone(), share_url.clone());
        Callback::from(move |_: MouseEvent| {
            let fragment = urlstate::format(&urlstate::Fragment {
                step: Some(state.step),
                code: Some(state.code().to_string()),
                lang: Some(state.lang.tag().to_string()),
            });
            if page {
                browser::set_fragment(&fragment);
                share_url.set(Some(browser::page_url()));
            } else {
                share_url.set(Some(format!("{}{fragment}", embed_share_base())));
            }
        })
    };
    let on_select = {
        let dispatch = dispatch.clone();
        Callback::from(move |id| dispatch.dispatch(Action::Select(id)))
    };

    browser::phase("app");
    let steps = lesson::steps(lang);
    let lesson_step = &steps[state.step];
    let result = state.result.clone();
    let backward = result
        .as_ref()
        .and_then(|r| r.backwards.get(state.playback.run).map(|b| (r.clone(), b)));
    // A pass that raised stays on its last step, the node that failed; a finished pass gives
    // way to the graph after the cell.
    let replaying = backward.as_ref().filter(|(_, b)| {
        let steps = &b.trace.steps;
        let failed = steps.last().is_some_and(|s| s.error.is_some());
        state.playback.pos < steps.len() || (failed && state.playback.pos == steps.len())
    });
    // The graph shown and the trace replayed, cloned out of the result once per result and
    // replay switch, not on every render (the replay re-renders several times a second).
    let shown = {
        let result = result.clone();
        use_memo(
            (state.results, state.playback.run, replaying.is_some()),
            move |&(_, run, replaying)| ShownGraph::of(result.as_deref(), run, replaying),
        )
    };
    let (graph, node_lines) = (shown.graph.clone(), shown.node_lines.clone());
    let trace = shown
        .trace
        .clone()
        .filter(|_| replaying.is_some())
        .map(|t| (t, state.playback.pos));
    let grad_shown = state
        .selected
        .and_then(|id| graph.nodes.get(id))
        .map(|n| graphview::grad_text(n, trace.as_ref().map(|(t, p)| (t.as_ref(), *p))));
    // Where the selected tensor was assigned. Looked up by name in the final graph, since the
    // graph shown during a replay numbers its nodes differently.
    let selected_def = state.selected.and_then(|id| {
        let node = graph.nodes.get(id)?;
        let dtype = node.tensor.as_ref()?.dtype.clone();
        let r = result.as_ref()?;
        let final_id = r
            .graph
            .nodes
            .iter()
            .position(|m| m.tensor.is_some() && m.label == node.label)?;
        let def = r.definitions.get(final_id).copied().flatten()?;
        Some((def, node.label.clone(), dtype))
    });
    let on_edit_leaf = {
        let (worker, dispatch, state) = (worker.clone(), dispatch.clone(), state.clone());
        let selected_def = selected_def.clone();
        Callback::from(move |literal: String| {
            if readonly {
                return;
            }
            let Some((def, name, dtype)) = &selected_def else {
                return;
            };
            let Some(code) = state.codes.get(def.cell) else {
                return;
            };
            let Some(new_code) = leafedit::reassign_leaf(code, def.line, name, &literal, dtype)
            else {
                return;
            };
            let request = state.run_request_after_edit(def.cell, &new_code);
            dispatch.dispatch(Action::EditCell {
                cell: def.cell,
                code: new_code,
            });
            dispatch.dispatch(Action::Started { stepping: false });
            worker.borrow_mut().send(&request, &dispatch);
        })
    };
    let error_line = result
        .as_ref()
        .and_then(|r| r.error.as_ref())
        .map(|d| d.line)
        .filter(|&l| l > 0);
    let warning_lines = result
        .as_ref()
        .map(|r| r.warning_lines.clone())
        .unwrap_or_default();
    let current_line = (state.activity == Activity::Stepping)
        .then(|| result.as_ref().and_then(|r| r.next_line))
        .flatten();
    let notice = state.notice.as_ref().map(|n| {
        AttrValue::from(if n == "stopped" {
            t(lang, Text::Stopped).to_string()
        } else {
            format!("{} {n}", t(lang, Text::Restarted))
        })
    });
    let busy = state.busy();

    let mode = config.mode;
    let lesson_mode = mode == Mode::Lesson;
    let lang_switch = html! {
        <button type="button" data-testid="lang" onclick={switch_lang} title="language / 语言">
            { if lang == Lang::Zh { "English" } else { "中文" } }
        </button>
    };
    let theme_switch = html! {
        <button type="button" class="theme" onclick={toggle_theme} aria-label={t(lang, Text::Theme)} title={t(lang, Text::Theme)}>{ "◐" }</button>
    };
    let share_button = html! {
        <button type="button" data-testid="share" onclick={share}>{ t(lang, Text::Share) }</button>
    };
    let run_tools = html! {
        <div class="toolbar run-tools">
            <button type="button" class="primary" data-testid="run" onclick={run.reform(|_: MouseEvent| ())} disabled={busy}>{ "▶ " }{ t(lang, Text::Run) }</button>
            <button type="button" data-testid="step" onclick={step} disabled={busy}>{ t(lang, Text::Step) }</button>
            <button type="button" data-testid="reset" onclick={reset} disabled={readonly && config.code.is_none() && !lesson_mode}>{ t(lang, Text::Reset) }</button>
            <button type="button" data-testid="stop" onclick={stop} disabled={state.activity == Activity::Idle}>{ "■ " }{ t(lang, Text::Stop) }</button>
            if busy { <span class="running" role="status">{ t(lang, Text::Running) }</span> }
            if !lesson_mode {
                <span class="spacer" />
                { lang_switch.clone() }
                { theme_switch.clone() }
                { share_button.clone() }
            }
        </div>
    };

    html! {
        <div class={classes!("app", (!page).then_some("embed"), format!("mode-{}", mode.name()))}
            data-theme={(*theme).clone()} lang={if lang == Lang::Zh { "zh-CN" } else { "en" }}>
            if lesson_mode {
                <header class="topbar">
                    <span class="brand">{ "Autograd Playground" }</span>
                    <nav class="steps" aria-label="lesson">
                        <button type="button" data-testid="lesson-prev" onclick={go(-1)} disabled={state.step == 0}>{ t(lang, Text::Prev) }</button>
                        <span class="progress" aria-label="progress">{ format!("{}/{}", state.step + 1, steps.len()) }</span>
                        <progress max={steps.len().to_string()} value={(state.step + 1).to_string()} aria-hidden="true" />
                        <button type="button" data-testid="lesson-next" onclick={go(1)} disabled={state.step + 1 >= steps.len()}>{ t(lang, Text::Next) }</button>
                    </nav>
                    <span class="spacer" />
                    { lang_switch }
                    { theme_switch }
                    { share_button }
                </header>
            }
            if let Some(url) = (*share_url).clone() {
                <div class="share-box" role="status">
                    <label>{ t(lang, Text::Copied) }{ " " }
                        <input type="text" readonly=true value={url} data-testid="share-url" onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { i.select(); }
                        })} />
                    </label>
                </div>
            }
            <main class="layout">
                <section class="left">
                    if lesson_mode {
                        <h2 data-testid="lesson-title" class="lesson-title">{ format!("{}. {}", state.step + 1, lesson_step.title) }</h2>
                        <LessonText step={lesson_step} code={AttrValue::from(state.code().to_string())} {lang} {on_fix} />
                    }
                    { run_tools }
                    <Editor code={AttrValue::from(state.code().to_string())} {on_edit} on_run={run} {error_line} {current_line} {warning_lines} label={t(lang, Text::Code)}
                        {readonly} hover_line={*hover_line} on_hover_line={on_hover_line.clone()} />
                    <Console result={result.clone()} {lang} label={t(lang, Text::Console)} {notice} results={state.results} />
                </section>
                <section class="right">
                    <Graph graph={graph.clone()} trace={trace.clone()} selected={state.selected} {on_select} {lang}
                        {node_lines} hover_line={*hover_line} {on_hover_line} />
                    if let Some((r, _)) = &backward {
                        <Debugger trace={shown.trace.clone().unwrap_or_default()} graph={shown.run_graph.clone().unwrap_or_default()} playback={state.playback.clone()} runs={r.backwards.len()} {lang}
                            on_play_pause={action_unit(&dispatch, || Action::PlayPause)}
                            on_forward={action_unit(&dispatch, || Action::StepForward)}
                            on_back={action_unit(&dispatch, || Action::StepBack)}
                            on_seek={{ let d = dispatch.clone(); Callback::from(move |p| d.dispatch(Action::Seek(p))) }}
                            on_interval={{ let d = dispatch.clone(); Callback::from(move |ms| d.dispatch(Action::SetInterval(ms))) }}
                            on_show_run={{ let d = dispatch.clone(); Callback::from(move |i| d.dispatch(Action::ShowBackward(i))) }} />
                    }
                    <Inspector graph={graph} selected={state.selected} {grad_shown} {lang}
                        definition={selected_def.as_ref().map(|d| d.0)} {on_edit_leaf} />
                </section>
            </main>
        </div>
    }
}

/// What the graph view shows: during a replay, the graph as it was when that `backward()`
/// started (the trace's node ids refer to it); otherwise the graph after the cell.
struct ShownGraph {
    graph: Rc<autograd::GraphSnapshot>,
    node_lines: Rc<Vec<u32>>,
    /// The trace of the selected backward pass, if the cell ran any, and the graph as that
    /// pass began (the debugger's node ids refer to it, also when the view shows another).
    trace: Option<Rc<autograd::BackwardTrace>>,
    run_graph: Option<Rc<autograd::GraphSnapshot>>,
}

impl ShownGraph {
    fn of(result: Option<&crate::protocol::Response>, run: usize, replaying: bool) -> ShownGraph {
        let backward = result.and_then(|r| r.backwards.get(run));
        let run_graph = backward.map(|b| Rc::new(b.graph.clone()));
        let (graph, node_lines) = match (backward.filter(|_| replaying), result) {
            (Some(b), _) => (run_graph.clone().unwrap_or_default(), b.node_lines.clone()),
            (None, Some(r)) => (Rc::new(r.graph.clone()), r.node_lines.clone()),
            (None, None) => Default::default(),
        };
        ShownGraph {
            graph,
            node_lines: Rc::new(node_lines),
            trace: backward.map(|b| Rc::new(b.trace.clone())),
            run_graph,
        }
    }
}

fn action_unit(dispatch: &UseReducerDispatcher<State>, a: fn() -> Action) -> Callback<()> {
    let dispatch = dispatch.clone();
    Callback::from(move |()| dispatch.dispatch(a()))
}
