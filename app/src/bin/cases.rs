//! The cases bundle (`/admin/cases/`): service-recovery cases, the
//! action-plan ledger, alert settings (see `app::cases`).

fn main() {
    yew::Renderer::<app::cases::CasesApp>::new().render();
}
