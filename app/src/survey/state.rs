//! The survey's state and its pure reducer (no storage, no clock, no DOM:
//! the component's effects persist the draft; ids and times come in
//! actions).

use std::rc::Rc;

use scoring::instrument::VisitType;
use scoring::response::Answer;
use yew::Reducible;

use wire::PublicActions;

use super::callback::CallbackAnswer;
use super::draft::{limit_comment, Draft};
use super::entry::Entry;
use super::i18n::{Catalogue, Lang};
use super::instrument_ref::InstrumentRef;
use super::steps::{steps, Step};
use crate::services::json::PlaceNames;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Opened without a hospital: nothing to answer.
    NoHospital,
    /// Kiosk at rest, waiting for the next patient.
    Attract,
    /// Introduction, and the visit type when the URL does not fix it.
    Welcome,
    /// `steps()[i]` of the draft's visit type.
    Step(usize),
    /// Submitted and safely stored.
    Thanks,
}

/// Why submitting did not work (kept in state, so `Clone + PartialEq`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitError {
    /// The device could not keep the response and the server could not be
    /// reached either.
    NotSaved(String),
    /// The response does not check against the instrument: the fields.
    Invalid(Vec<String>),
}

/// One optional respondent characteristic (docs/formats.md §1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RespondentAnswer {
    AgeBand(Option<String>),
    Education(Option<String>),
    SelfRatedHealth(Option<i64>),
    AnsweredBy(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Attract screen touched.
    Begin,
    /// Survey started with a fresh id.
    Start {
        visit: VisitType,
        id: String,
    },
    Answer {
        item: String,
        answer: Answer,
    },
    Respondent(RespondentAnswer),
    Comment(String),
    Next,
    Back,
    /// Jump to a step (review's "change", or the browser's back button).
    GoTo(usize),
    /// The browser went back before the first step.
    ShowWelcome,
    /// The response is in the outbox (or on the server).
    Submitted,
    SubmitFailed(SubmitError),
    SetLang(Lang),
    ToggleLargeText,
    /// Kiosk: seconds left before the reset, shown in a warning.
    IdleWarning(u32),
    /// Kiosk: the patient touched the screen during the warning.
    StillHere,
    /// Forget this patient: back to the attract screen (kiosk) or the
    /// welcome screen (phone).
    Reset,
    /// A newer instrument arrived from the server; used if no survey is
    /// under way.
    UseInstrument(InstrumentRef),
    /// The registry's names of the hospital and department, from the
    /// server (the welcome screen shows them).
    Place(Rc<PlaceNames>),
    /// The hospital's published action plans and call-back offer, from
    /// the server or the device's copy.
    PublicActions(Rc<PublicActions>),
    /// The call-back question answered (yes: `true`).
    CallbackWanted(bool),
    /// The call-back number as typed.
    CallbackPhone(String),
    /// Submit found the call-back number unusable.
    CallbackRefused,
    /// Show the attract screen's plan at this place (taken modulo the
    /// number of plans shown).
    WeDidShow(usize),
    /// Pause (`true`) or resume the attract screen's rotation.
    WeDidPause(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SurveyState {
    pub entry: Entry,
    pub instrument: InstrumentRef,
    pub screen: Screen,
    pub draft: Option<Draft>,
    pub lang: Lang,
    pub large_text: bool,
    pub error: Option<SubmitError>,
    /// Kiosk inactivity warning: seconds left.
    pub idle_warning: Option<u32>,
    /// The names of the hospital and department rated, when known.
    pub place: Option<Rc<PlaceNames>>,
    /// "You said, we did" and whether the hospital offers a call-back,
    /// when known.
    pub actions: Option<Rc<PublicActions>>,
    /// The call-back answer of this patient (held here only: never in the
    /// draft the device keeps).
    pub callback: CallbackAnswer,
    /// The attract screen's plan, and whether its rotation is paused.
    pub we_did_at: usize,
    pub we_did_paused: bool,
    /// The reader asked for reduced motion: the rotation starts paused.
    pub reduced_motion: bool,
}

impl SurveyState {
    /// The state on load: resumes `draft` if given (the caller checked it
    /// may be resumed) and it fits the instrument.
    pub fn new(
        entry: Entry,
        instrument: InstrumentRef,
        draft: Option<Draft>,
        lang: Lang,
        large_text: bool,
    ) -> Self {
        // Only a resumed draft needs the instrument built now.
        let draft = draft.filter(|d| d.fits(instrument.key()) && entry.hospital.is_some());
        let screen = match &draft {
            Some(d) => Screen::Step(d.step.min(steps(&instrument, d.visit_type).len() - 1)),
            None => rest_screen(&entry),
        };
        let draft = draft.map(|mut d| {
            if let Screen::Step(i) = screen {
                d.step = i;
            }
            d
        });
        SurveyState {
            entry,
            instrument,
            screen,
            draft,
            lang,
            large_text,
            error: None,
            idle_warning: None,
            place: None,
            actions: None,
            callback: CallbackAnswer::default(),
            we_did_at: 0,
            we_did_paused: false,
            reduced_motion: false,
        }
    }

    /// The state on load for a reader who asked for reduced motion or not.
    pub fn with_motion(mut self, reduced: bool) -> Self {
        self.reduced_motion = reduced;
        self.we_did_paused = reduced;
        self
    }

    /// Whether the last screen asks for a call-back.
    pub fn callback_offered(&self) -> bool {
        self.actions.as_ref().is_some_and(|a| a.callback_offered)
    }

    pub fn messages(&self) -> &'static super::i18n::Messages {
        self.lang.messages()
    }

    /// The steps of the survey under way (empty before it starts).
    pub fn steps(&self) -> Vec<Step> {
        self.draft
            .as_ref()
            .map(|d| steps(&self.instrument, d.visit_type))
            .unwrap_or_default()
    }

    /// The step shown, if a step is shown.
    pub fn current_step(&self) -> Option<(usize, Step)> {
        match self.screen {
            Screen::Step(i) => self.steps().get(i).map(|s| (i, *s)),
            _ => None,
        }
    }

    fn go_to(&mut self, step: usize) {
        let count = self.steps().len();
        if let Some(draft) = &mut self.draft {
            let step = step.min(count.saturating_sub(1));
            draft.step = step;
            self.screen = Screen::Step(step);
            self.error = None;
        }
    }

    /// Whether `answer` is allowed for `item` of the instrument.
    fn allows(&self, item: &str, answer: Answer) -> bool {
        let Some(draft) = &self.draft else {
            return false;
        };
        super::steps::items_for(&self.instrument, draft.visit_type)
            .into_iter()
            .find(|i| i.id == item)
            .is_some_and(|i| match answer {
                Answer::Na => i.allow_na,
                Answer::Value(v) => i.scale.values().contains(&v),
            })
    }
}

/// Where the survey rests between patients.
fn rest_screen(entry: &Entry) -> Screen {
    match (&entry.hospital, entry.kiosk) {
        (None, _) => Screen::NoHospital,
        (Some(_), true) => Screen::Attract,
        (Some(_), false) => Screen::Welcome,
    }
}

impl Reducible for SurveyState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Begin => {
                if s.screen == Screen::Attract {
                    s.screen = Screen::Welcome;
                }
            }
            Action::Start { visit, id } => {
                if s.entry.hospital.is_some()
                    && !s.instrument.is_awaited()
                    && !matches!(s.screen, Screen::Thanks)
                {
                    // Same visit type again (back to the welcome screen and
                    // on): keep the answers and the id. Another visit type
                    // asks other stages: a new survey.
                    if s.draft.as_ref().is_none_or(|d| d.visit_type != visit) {
                        s.draft = Some(Draft::new(id, &s.instrument, visit));
                    }
                    s.go_to(0);
                }
            }
            Action::Answer { item, answer } => {
                if s.allows(&item, answer) {
                    if let Some(d) = &mut s.draft {
                        d.answers.insert(item, answer);
                    }
                }
            }
            Action::Respondent(answer) => {
                if let Some(d) = &mut s.draft {
                    let r = &mut d.respondent;
                    match answer {
                        RespondentAnswer::AgeBand(v) => r.age_band = v,
                        RespondentAnswer::Education(v) => r.education = v,
                        RespondentAnswer::SelfRatedHealth(v) => r.self_rated_health = v,
                        RespondentAnswer::AnsweredBy(v) => r.answered_by = v,
                    }
                }
            }
            Action::Comment(text) => {
                if let Some(d) = &mut s.draft {
                    d.comment = limit_comment(&text);
                }
            }
            Action::Next => {
                if let Screen::Step(i) = s.screen {
                    s.go_to(i + 1);
                }
            }
            Action::Back => match s.screen {
                Screen::Step(0) => s.screen = Screen::Welcome,
                Screen::Step(i) => s.go_to(i - 1),
                _ => {}
            },
            Action::GoTo(i) => {
                if matches!(s.screen, Screen::Step(_) | Screen::Welcome) {
                    s.go_to(i);
                }
            }
            Action::ShowWelcome => {
                if matches!(s.screen, Screen::Step(_)) {
                    s.screen = Screen::Welcome;
                }
            }
            Action::Submitted => {
                if s.draft.is_some() {
                    s.draft = None;
                    s.error = None;
                    s.callback = CallbackAnswer::default();
                    s.screen = Screen::Thanks;
                }
            }
            Action::SubmitFailed(error) => s.error = Some(error),
            Action::SetLang(lang) => s.lang = lang,
            Action::ToggleLargeText => s.large_text = !s.large_text,
            Action::IdleWarning(secs) => {
                if s.entry.kiosk {
                    s.idle_warning = Some(secs);
                }
            }
            Action::StillHere => s.idle_warning = None,
            Action::Reset => {
                let lang = if s.entry.kiosk {
                    s.entry.lang.unwrap_or_default()
                } else {
                    s.lang
                };
                let large_text = if s.entry.kiosk { false } else { s.large_text };
                let mut fresh = SurveyState::new(
                    s.entry.clone(),
                    s.instrument.clone(),
                    None,
                    lang,
                    large_text,
                )
                .with_motion(s.reduced_motion);
                // What the hospital says stays; nothing of the patient does.
                fresh.place = s.place;
                fresh.actions = s.actions;
                return Rc::new(fresh);
            }
            Action::UseInstrument(instrument) => {
                if s.draft.is_none() {
                    s.instrument = instrument;
                }
            }
            Action::Place(place) => s.place = Some(place),
            Action::PublicActions(actions) => s.actions = Some(actions),
            Action::CallbackWanted(wanted) => {
                s.callback.wanted = wanted;
                s.callback.refused = false;
            }
            Action::CallbackPhone(phone) => {
                s.callback.phone = phone;
                s.callback.refused = false;
            }
            Action::CallbackRefused => s.callback.refused = true,
            Action::WeDidShow(at) => s.we_did_at = at,
            Action::WeDidPause(paused) => s.we_did_paused = paused,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use scoring::instrument::default_instrument;

    use super::*;
    use crate::survey::entry::parse_entry;

    const ID: &str = "9b2f6c1e-4f1a-4c55-9d1e-2a8f0c3b7d10";

    fn state(url: &str) -> Rc<SurveyState> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let entry = parse_entry(path, query).0;
        let lang = entry.lang.unwrap_or_default();
        Rc::new(SurveyState::new(
            entry,
            InstrumentRef::ready(default_instrument()),
            None,
            lang,
            false,
        ))
    }

    fn run(mut s: Rc<SurveyState>, actions: impl IntoIterator<Item = Action>) -> Rc<SurveyState> {
        for action in actions {
            s = s.reduce(action);
        }
        s
    }

    fn start(visit: VisitType) -> Action {
        Action::Start {
            visit,
            id: ID.to_owned(),
        }
    }

    fn answer(item: &str, answer: Answer) -> Action {
        Action::Answer {
            item: item.to_owned(),
            answer,
        }
    }

    #[test]
    fn rest_screens_depend_on_mode_and_hospital() {
        assert_eq!(state("/s/H001?kiosk=1").screen, Screen::Attract);
        assert_eq!(state("/s/H001?channel=phone").screen, Screen::Welcome);
        assert_eq!(state("/").screen, Screen::NoHospital);
        let nowhere = run(state("/"), [start(VisitType::Outpatient)]);
        assert_eq!(nowhere.draft, None);
    }

    #[test]
    fn an_outpatient_walks_four_stages_then_overall_more_review() {
        let s = run(
            state("/s/H001?visit=outpatient"),
            [start(VisitType::Outpatient)],
        );
        let steps = s.steps();
        assert_eq!(steps.len(), 7);
        assert_eq!(s.current_step(), Some((0, steps[0])));
        let s = run(s, (0..10).map(|_| Action::Next));
        assert_eq!(s.current_step(), Some((6, Step::Review)));
        let s = run(s, [Action::Back, Action::GoTo(1)]);
        assert_eq!(s.screen, Screen::Step(1));
        assert_eq!(s.draft.as_ref().map(|d| d.step), Some(1));
        let s = run(s, [Action::GoTo(0), Action::Back]);
        assert_eq!(s.screen, Screen::Welcome);
    }

    #[test]
    fn answers_outside_the_scale_or_the_visit_are_ignored() {
        let s = run(
            state("/s/H001"),
            [
                start(VisitType::Emergency),
                answer("overall.rating", Answer::Value(9)),
                answer("overall.rating", Answer::Value(11)),
                answer("overall.rating", Answer::Na),
                answer("outpatient.wait_time", Answer::Value(3)),
                answer("whole_care.parking", Answer::Na),
                answer("nope.nope", Answer::Value(1)),
            ],
        );
        let answers = &s.draft.as_ref().unwrap().answers;
        let kept: Vec<(&str, Answer)> = answers.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            kept,
            [
                ("overall.rating", Answer::Value(9)),
                ("whole_care.parking", Answer::Na)
            ]
        );
    }

    #[test]
    fn comment_is_cut_at_2000_characters() {
        let s = run(
            state("/s/H001"),
            [
                start(VisitType::Inpatient),
                Action::Comment("好".repeat(2_500)),
            ],
        );
        assert_eq!(s.draft.as_ref().unwrap().comment.chars().count(), 2_000);
    }

    #[test]
    fn submitting_forgets_the_draft_and_thanks() {
        let s = run(
            state("/s/H001"),
            [
                start(VisitType::Outpatient),
                answer("overall.rating", Answer::Value(8)),
                Action::Submitted,
            ],
        );
        assert_eq!(s.screen, Screen::Thanks);
        assert_eq!(s.draft, None);
        // Back and forward after the thanks cannot reopen the answers.
        let s = run(s, [Action::GoTo(2), Action::ShowWelcome]);
        assert_eq!(s.screen, Screen::Thanks);
    }

    #[test]
    fn kiosk_reset_leaves_nothing_of_the_patient() {
        let s = run(
            state("/s/H001?kiosk=1&lang=en"),
            [
                Action::Begin,
                start(VisitType::Outpatient),
                answer("overall.rating", Answer::Value(2)),
                Action::Comment("my name is …".to_owned()),
                Action::SetLang(Lang::ZhHant),
                Action::ToggleLargeText,
                Action::IdleWarning(5),
                Action::Reset,
            ],
        );
        // Equal to a kiosk that was never touched (compared field by field
        // to keep a failure readable; the instrument is shared).
        let fresh = state("/s/H001?kiosk=1&lang=en");
        assert_eq!(s.screen, Screen::Attract);
        assert_eq!((&s.draft, &s.error), (&fresh.draft, &fresh.error));
        assert_eq!(s.entry, fresh.entry);
        assert_eq!(
            (s.lang, s.large_text, s.idle_warning),
            (Lang::En, false, None)
        );
    }

    #[test]
    fn the_call_back_is_no_until_said_and_forgotten_after_submit_or_reset() {
        let offer = Rc::new(PublicActions {
            actions: Vec::new(),
            callback_offered: true,
        });
        let s = state("/s/H001?kiosk=1");
        assert!(!s.callback_offered());
        assert!(!s.callback.wanted);
        let s = run(
            s,
            [
                Action::PublicActions(offer.clone()),
                Action::Begin,
                start(VisitType::Outpatient),
                Action::CallbackWanted(true),
                Action::CallbackPhone("138".to_owned()),
                Action::CallbackRefused,
            ],
        );
        assert!(s.callback_offered());
        assert_eq!(
            s.callback,
            CallbackAnswer {
                wanted: true,
                phone: "138".to_owned(),
                refused: true
            }
        );
        // Typing again clears the complaint; the draft never holds the number.
        let s = run(s, [Action::CallbackPhone("13800138000".to_owned())]);
        assert!(!s.callback.refused);
        let stored = crate::services::json::stringify(s.draft.as_ref().unwrap());
        assert!(!stored.contains("138"), "{stored}");

        let submitted = run(s.clone(), [Action::Submitted]);
        assert_eq!(submitted.callback, CallbackAnswer::default());
        let reset = run(s, [Action::Reset]);
        assert_eq!(reset.callback, CallbackAnswer::default());
        // The hospital's words stay for the next patient.
        assert_eq!(reset.actions, Some(offer));
    }

    #[test]
    fn the_plans_rotate_unless_paused_or_less_motion_was_asked() {
        let s = run(
            state("/s/H001?kiosk=1"),
            [Action::WeDidShow(3), Action::WeDidPause(true)],
        );
        assert_eq!((s.we_did_at, s.we_did_paused), (3, true));
        let s = run(s, [Action::Reset]);
        assert_eq!((s.we_did_at, s.we_did_paused), (0, false));
        let still = Rc::new(Rc::unwrap_or_clone(state("/s/H001?kiosk=1")).with_motion(true));
        let s = run(still, [Action::WeDidPause(false), Action::Reset]);
        assert_eq!((s.we_did_at, s.we_did_paused), (0, true));
    }

    #[test]
    fn phones_keep_their_display_choices_on_reset_and_ignore_idle() {
        let s = run(
            state("/s/H001?channel=phone"),
            [
                Action::SetLang(Lang::En),
                Action::ToggleLargeText,
                Action::IdleWarning(5),
                Action::Reset,
            ],
        );
        assert_eq!(
            (s.lang, s.large_text, s.idle_warning),
            (Lang::En, true, None)
        );
        assert_eq!(s.screen, Screen::Welcome);
    }

    #[test]
    fn the_same_visit_type_again_keeps_answers_another_starts_over() {
        let s = run(
            state("/s/H001"),
            [
                start(VisitType::Outpatient),
                answer("overall.rating", Answer::Value(7)),
                Action::Back,
                start(VisitType::Outpatient),
            ],
        );
        assert_eq!(s.draft.as_ref().unwrap().answers.len(), 1);
        let s = run(
            s,
            [
                Action::ShowWelcome,
                Action::Start {
                    visit: VisitType::Emergency,
                    id: "other".to_owned(),
                },
            ],
        );
        assert_eq!(
            s.draft.as_ref().map(|d| (d.id.as_str(), d.answers.len())),
            Some(("other", 0))
        );
    }

    #[test]
    fn a_resumed_draft_opens_at_its_step() {
        let instrument = InstrumentRef::ready(default_instrument());
        let mut draft = Draft::new(ID.to_owned(), &instrument, VisitType::Emergency);
        draft.step = 99;
        let entry = parse_entry("/s/H001", "").0;
        let s = SurveyState::new(entry, instrument, Some(draft), Lang::En, false);
        assert_eq!(s.current_step().map(|(_, step)| step), Some(Step::Review));
    }
}
