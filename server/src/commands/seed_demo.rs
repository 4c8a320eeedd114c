//! `tiyan-server seed-demo --database URL [--responses N]`: generated
//! responses (`scoring::generate`: five hospitals, 2024 and 2025), three
//! demo accounts, the registry of the five hospitals (names in zh-CN,
//! zh-Hant and en), one hall kiosk of H001, and H001's closed loop
//! (`closed_loop`: alert settings with a call-back offer, a few cases in
//! each state, published action plans). Idempotent: the generator is
//! deterministic, so a second run finds every id already stored and
//! changes nothing but the demo accounts' password hashes, the registry
//! entries (written again) and the kiosk's setup link (a fresh one is
//! printed). It writes an account only where the name is free or already
//! a demo account (`accounts.demo`): a real account of the same name keeps
//! its password, so seeding the wrong database cannot open it with the
//! public demo password.

mod closed_loop;

use anyhow::{bail, Context};
use clap::Args;
use scoring::generate::{generate, GenerateOptions};
use scoring::instrument::default_instrument;
use scoring::validate::Validator;

use crate::auth::{hash_password, Role};
use crate::clock::{Clock, SystemClock};
use crate::ingest::{prepare_response, Checked};
use crate::rollout::{new_secret, PublicUrl, SETUP_CODE_BYTES};
use crate::store::{Account, InsertOutcome, NewKioskRow, NewResponse, Store};

use super::demo_registry::{
    demo_registry, DEMO_KIOSK_HOSPITAL, DEMO_KIOSK_ID, DEMO_KIOSK_LOCATION, DEMO_KIOSK_NAME,
};

/// The password of the demo accounts, printed by the command and in the
/// README: demo databases are for showing the product, never for real data.
pub const DEMO_PASSWORD: &str = "tiyan-demo";
/// Rows per transaction.
const BATCH: usize = 2000;

#[derive(Debug, Args)]
pub struct SeedDemoArgs {
    /// The demo database (kept apart from collected responses).
    #[arg(long, default_value = "sqlite://data/demo.db")]
    pub database: String,
    /// How many responses to generate.
    #[arg(long, default_value_t = 20_000)]
    pub responses: u64,
    /// Generator seed (the same seed gives the same responses).
    #[arg(long, default_value_t = 2024)]
    pub seed: u64,
    /// The server's public base URL, for the demo kiosk's setup link
    /// (as `serve --public-url`).
    #[arg(
        long,
        env = "TIYAN_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
}

/// The demo accounts: a city-wide administrator, the administrator of
/// hospital H001, and the head of its cardiology department.
fn demo_accounts(password_hash: &str) -> [Account; 3] {
    [
        Account {
            username: "admin".into(),
            password_hash: password_hash.to_owned(),
            role: Role::Admin,
            hospital: None,
            department: None,
        },
        Account {
            username: "h001".into(),
            password_hash: password_hash.to_owned(),
            role: Role::HospitalAdmin,
            hospital: Some("H001".into()),
            department: None,
        },
        Account {
            username: "cardio".into(),
            password_hash: password_hash.to_owned(),
            role: Role::DepartmentHead,
            hospital: Some("H001".into()),
            department: Some("cardiology".into()),
        },
    ]
}

#[derive(Debug, Default)]
struct Counts {
    stored: u64,
    duplicate: u64,
    conflict: u64,
}

pub(super) async fn seed_demo(args: SeedDemoArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let public_url = PublicUrl::parse(&args.public_url).context("--public-url")?;
    let store = Store::connect(&args.database).await.with_context(|| {
        format!(
            "could not open the database {}",
            crate::server::redact(&args.database)
        )
    })?;
    let instrument = default_instrument();
    let options = GenerateOptions {
        seed: args.seed,
        responses: args.responses,
        from_year: 2024,
        years: 2,
        hospitals: 5,
    };
    let validator = Validator::new(&instrument);
    let mut counts = Counts::default();
    let mut batch: Vec<NewResponse> = Vec::with_capacity(BATCH);
    let now = SystemClock.unix_seconds();
    for response in generate(&instrument, &options)? {
        match prepare_response(response, &validator) {
            // Generated answers open no cases: the demo's cases are made
            // below, a few in each state.
            Checked::Valid(mut row) => {
                row.alert = None;
                batch.push(row);
            }
            Checked::Rejected { id, errors } => {
                let fields: Vec<String> = errors.into_iter().map(|e| e.to_string()).collect();
                bail!(
                    "the generator made an invalid response {id:?}: {}",
                    fields.join("; ")
                );
            }
        }
        if batch.len() == BATCH {
            insert(&store, &mut batch, now, &mut counts).await?;
        }
    }
    insert(&store, &mut batch, now, &mut counts).await?;

    let hash = tokio::task::spawn_blocking(|| hash_password(DEMO_PASSWORD)).await??;
    let mut kept_real = Vec::new();
    for account in demo_accounts(&hash) {
        if !store.put_demo_account(&account, now).await? {
            kept_real.push(account.username);
        }
    }
    let registry = demo_registry(options.hospitals);
    for hospital in &registry {
        store.put_hospital(hospital, now).await?;
    }
    let setup_url = demo_kiosk(&store, &public_url, now).await?;
    let cases = closed_loop::seed(&store, &validator, now).await?;
    store.close().await;

    println!(
        "demo data in {}: {} responses stored, {} already there{} ({:.1?})",
        crate::server::redact(&args.database),
        counts.stored,
        counts.duplicate,
        if counts.conflict > 0 {
            format!(", {} conflicting ids left as they were", counts.conflict)
        } else {
            String::new()
        },
        started.elapsed()
    );
    println!("demo accounts (password \"{DEMO_PASSWORD}\"):");
    println!("  admin  admin           every hospital");
    println!("  h001   hospital_admin  hospital H001 only");
    println!("  cardio department_head H001, department cardiology only");
    for username in &kept_real {
        println!(
            "  {username}: a real account of that name exists; it was left as it was \
             (its password is not \"{DEMO_PASSWORD}\")"
        );
    }
    println!(
        "registry: {} hospitals with their departments",
        registry.len()
    );
    println!("H001: call-back offered, {cases} demo cases, published action plans");
    println!("demo kiosk {DEMO_KIOSK_NAME} ({DEMO_KIOSK_HOSPITAL}): open once on the device");
    println!("  {setup_url}");
    Ok(())
}

/// Registers the demo kiosk if it is missing and gives it a fresh one-time
/// setup link (only the code's hash is stored, so an old link cannot be
/// shown again).
async fn demo_kiosk(store: &Store, public_url: &PublicUrl, now: i64) -> anyhow::Result<String> {
    let (code, setup_hash) = new_secret(SETUP_CODE_BYTES);
    if store.kiosk_place(DEMO_KIOSK_ID).await?.is_some() {
        store.new_kiosk_setup(DEMO_KIOSK_ID, &setup_hash).await?;
    } else {
        let kiosk = NewKioskRow {
            id: DEMO_KIOSK_ID,
            hospital: DEMO_KIOSK_HOSPITAL,
            department: None,
            name: DEMO_KIOSK_NAME,
            location: Some(DEMO_KIOSK_LOCATION),
            setup_hash,
        };
        store.create_kiosk(&kiosk, now).await?;
    }
    Ok(public_url.kiosk_setup_url(DEMO_KIOSK_ID, DEMO_KIOSK_HOSPITAL, None, &code))
}

async fn insert(
    store: &Store,
    batch: &mut Vec<NewResponse>,
    now: i64,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let rows: Vec<&NewResponse> = batch.iter().collect();
    for outcome in store
        .insert_responses(&rows, now, &Default::default())
        .await?
    {
        match outcome {
            InsertOutcome::Stored => counts.stored += 1,
            InsertOutcome::Duplicate => counts.duplicate += 1,
            InsertOutcome::Conflict => counts.conflict += 1,
        }
    }
    batch.clear();
    Ok(())
}
