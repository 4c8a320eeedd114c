//! The `hospitals` and `departments` tables: the registry of
//! docs/formats.md §7, read and written as [`wire::Hospital`]s, and the
//! codes responses carry that it does not know.

use std::collections::{HashMap, HashSet};

use sqlx::Row;
use wire::{
    Department, Hospital, HospitalKind, Level, Names, Unregistered, UnregisteredDepartment,
    UnregisteredHospital,
};

use super::{on_pool, ResponseFilter, Store, StoreError};

/// Whether a put made a new hospital or replaced one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    Created,
    Replaced,
}

const HOSPITALS: &str = "SELECT code, name_zh_cn, name_zh_hant, name_en, level, kind, region \
     FROM hospitals ORDER BY code";
const HOSPITAL: &str = "SELECT code, name_zh_cn, name_zh_hant, name_en, level, kind, region \
     FROM hospitals WHERE code = $1";
const DEPARTMENTS: &str =
    "SELECT hospital, code, name_zh_cn, name_zh_hant, name_en, active FROM departments \
     ORDER BY hospital, position";
const DEPARTMENTS_OF: &str =
    "SELECT hospital, code, name_zh_cn, name_zh_hant, name_en, active FROM departments \
     WHERE hospital = $1 ORDER BY position";
/// A write first, so a SQLite transaction takes the write lock at once
/// (a read that later upgrades can fail with "database is locked").
const INSERT_NEW: &str = "INSERT INTO hospitals \
     (code, name_zh_cn, name_zh_hant, name_en, level, kind, region, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING code";
const UPDATE: &str = "UPDATE hospitals SET name_zh_cn = $2, name_zh_hant = $3, name_en = $4, \
     level = $5, kind = $6, region = $7, updated_at = $8 WHERE code = $1";
const DELETE_DEPARTMENTS: &str = "DELETE FROM departments WHERE hospital = $1";
const INSERT_DEPARTMENT: &str = "INSERT INTO departments \
     (hospital, code, name_zh_cn, name_zh_hant, name_en, active, position) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const EXISTS: &str = "SELECT 1 FROM hospitals WHERE code = $1";
const DEPARTMENT_EXISTS: &str = "SELECT 1 FROM departments WHERE hospital = $1 AND code = $2";

/// Responses per (hospital, department) in a key range, from the
/// responses' `department` column ('' for none).
const CODES: &str = "SELECT hospital, department, count(*) FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 GROUP BY hospital, department";
const CODES_OF: &str = "SELECT hospital, department, count(*) FROM responses \
     WHERE submitted_key >= $1 AND submitted_key < $2 AND hospital = $3 \
     GROUP BY hospital, department";

/// One hospital row without its departments.
fn hospital_from_row<R>(row: &R) -> Result<Hospital, StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let level: Option<String> = row.try_get(4)?;
    let kind: Option<String> = row.try_get(5)?;
    Ok(Hospital {
        code: row.try_get(0)?,
        names: Names {
            zh_cn: row.try_get(1)?,
            zh_hant: row.try_get(2)?,
            en: row.try_get(3)?,
        },
        level: level
            .map(|l| Level::parse(&l).ok_or_else(|| StoreError::Corrupt(format!("level {l:?}"))))
            .transpose()?,
        kind: kind
            .map(|k| {
                HospitalKind::parse(&k).ok_or_else(|| StoreError::Corrupt(format!("kind {k:?}")))
            })
            .transpose()?,
        region: row.try_get(6)?,
        departments: Vec::new(),
    })
}

/// One department row and the code of its hospital.
fn department_from_row<R>(row: &R) -> Result<(String, Department), StoreError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> bool: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    Ok((
        row.try_get(0)?,
        Department {
            code: row.try_get(1)?,
            names: Names {
                zh_cn: row.try_get(2)?,
                zh_hant: row.try_get(3)?,
                en: row.try_get(4)?,
            },
            active: row.try_get(5)?,
        },
    ))
}

/// Puts each department under its hospital, keeping their order.
fn attach(mut hospitals: Vec<Hospital>, departments: Vec<(String, Department)>) -> Vec<Hospital> {
    let place: HashMap<String, usize> = hospitals
        .iter()
        .enumerate()
        .map(|(i, h)| (h.code.clone(), i))
        .collect();
    for (hospital, department) in departments {
        if let Some(&i) = place.get(&hospital) {
            hospitals[i].departments.push(department);
        }
    }
    hospitals
}

impl Store {
    /// Every registered hospital with its departments, by code; or only
    /// `only` (empty when it is not registered).
    pub async fn list_hospitals(&self, only: Option<&str>) -> Result<Vec<Hospital>, StoreError> {
        let (hospitals, departments) = on_pool!(self, pool => {
            let (hospital_rows, department_rows) = match only {
                Some(code) => (
                    sqlx::query(HOSPITAL).bind(code).fetch_all(pool).await?,
                    sqlx::query(DEPARTMENTS_OF).bind(code).fetch_all(pool).await?,
                ),
                None => (
                    sqlx::query(HOSPITALS).fetch_all(pool).await?,
                    sqlx::query(DEPARTMENTS).fetch_all(pool).await?,
                ),
            };
            (
                hospital_rows.iter().map(hospital_from_row).collect::<Result<Vec<_>, _>>()?,
                department_rows.iter().map(department_from_row).collect::<Result<Vec<_>, _>>()?,
            )
        });
        Ok(attach(hospitals, departments))
    }

    /// One registered hospital with its departments.
    pub async fn find_hospital(&self, code: &str) -> Result<Option<Hospital>, StoreError> {
        Ok(self.list_hospitals(Some(code)).await?.into_iter().next())
    }

    pub async fn hospital_exists(&self, code: &str) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(EXISTS).bind(code).fetch_optional(pool).await?.is_some()
        }))
    }

    pub async fn department_exists(
        &self,
        hospital: &str,
        department: &str,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query(DEPARTMENT_EXISTS)
                .bind(hospital)
                .bind(department)
                .fetch_optional(pool)
                .await?
                .is_some()
        }))
    }

    /// Creates the hospital or replaces it and its departments, in one
    /// transaction (the caller has checked it: `rollout::check_hospital`).
    /// A department left out is deleted.
    pub async fn put_hospital(
        &self,
        hospital: &Hospital,
        now: i64,
    ) -> Result<PutOutcome, StoreError> {
        let level = hospital.level.map(Level::as_str);
        let kind = hospital.kind.map(HospitalKind::as_str);
        let names = &hospital.names;
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let created = sqlx::query(INSERT_NEW)
                .bind(&hospital.code)
                .bind(&names.zh_cn)
                .bind(&names.zh_hant)
                .bind(&names.en)
                .bind(level)
                .bind(kind)
                .bind(hospital.region.as_deref())
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if !created {
                sqlx::query(UPDATE)
                    .bind(&hospital.code)
                    .bind(&names.zh_cn)
                    .bind(&names.zh_hant)
                    .bind(&names.en)
                    .bind(level)
                    .bind(kind)
                    .bind(hospital.region.as_deref())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(DELETE_DEPARTMENTS).bind(&hospital.code).execute(&mut *tx).await?;
            for (position, department) in (0_i64..).zip(&hospital.departments) {
                sqlx::query(INSERT_DEPARTMENT)
                    .bind(&hospital.code)
                    .bind(&department.code)
                    .bind(&department.names.zh_cn)
                    .bind(&department.names.zh_hant)
                    .bind(&department.names.en)
                    .bind(department.active)
                    .bind(position)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(if created { PutOutcome::Created } else { PutOutcome::Replaced })
        })
    }

    /// The hospital and department codes of the responses `filter`
    /// selects that the registry does not know, most responses first.
    /// Responses without a department count for their hospital only.
    pub async fn unregistered(&self, filter: &ResponseFilter) -> Result<Unregistered, StoreError> {
        let (from, to) = filter.key_range();
        let counts: Vec<(String, Option<String>, i64)> = on_pool!(self, pool => {
            let query = match &filter.hospital {
                Some(code) => sqlx::query(CODES_OF).bind(from).bind(to).bind(code),
                None => sqlx::query(CODES).bind(from).bind(to),
            };
            let rows = query.fetch_all(pool).await?;
            rows.iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
                .collect::<Result<_, sqlx::Error>>()?
        });
        let registry = self.list_hospitals(filter.hospital.as_deref()).await?;
        Ok(unknown_codes(&registry, counts))
    }
}

/// The codes of `counts` (responses per hospital and department) that
/// `registry` does not know.
fn unknown_codes(
    registry: &[Hospital],
    counts: Vec<(String, Option<String>, i64)>,
) -> Unregistered {
    let known: HashMap<&str, HashSet<&str>> = registry
        .iter()
        .map(|h| {
            let departments = h.departments.iter().map(|d| d.code.as_str()).collect();
            (h.code.as_str(), departments)
        })
        .collect();
    let mut hospitals: HashMap<String, u64> = HashMap::new();
    let mut departments = Vec::new();
    for (hospital, department, count) in counts {
        let count = u64::try_from(count).unwrap_or(0);
        let registered = known.get(hospital.as_str());
        if registered.is_none() {
            *hospitals.entry(hospital.clone()).or_default() += count;
        }
        match department.filter(|d| !d.is_empty()) {
            Some(code) if !registered.is_some_and(|d| d.contains(code.as_str())) => {
                departments.push(UnregisteredDepartment {
                    hospital,
                    code,
                    responses: count,
                });
            }
            _ => {}
        }
    }
    let mut hospitals: Vec<UnregisteredHospital> = hospitals
        .into_iter()
        .map(|(code, responses)| UnregisteredHospital { code, responses })
        .collect();
    hospitals.sort_by(|a, b| b.responses.cmp(&a.responses).then(a.code.cmp(&b.code)));
    departments.sort_by(|a, b| {
        b.responses
            .cmp(&a.responses)
            .then_with(|| a.hospital.cmp(&b.hospital))
            .then_with(|| a.code.cmp(&b.code))
    });
    Unregistered {
        hospitals,
        departments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hospital(code: &str, departments: &[&str]) -> Hospital {
        Hospital {
            code: code.into(),
            names: Names {
                zh_cn: format!("{code}医院"),
                ..Names::default()
            },
            level: None,
            kind: None,
            region: None,
            departments: departments
                .iter()
                .map(|d| Department {
                    code: (*d).into(),
                    names: Names {
                        en: (*d).into(),
                        ..Names::default()
                    },
                    active: true,
                })
                .collect(),
        }
    }

    /// A put that fails half-way (here: a department code twice, which
    /// the HTTP layer refuses before; the primary key refuses it too)
    /// leaves the stored entry as it was.
    #[tokio::test]
    async fn a_failed_put_changes_nothing() {
        let folder = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", folder.path().join("t.db").display());
        let store = Store::connect(&url).await.unwrap();
        let good = hospital("H001", &["cardiology"]);
        assert_eq!(
            store.put_hospital(&good, 1).await.unwrap(),
            PutOutcome::Created
        );
        let mut bad = hospital("H001", &["ent", "ent"]);
        bad.names.zh_cn = "改名".into();
        assert!(store.put_hospital(&bad, 2).await.is_err());
        assert_eq!(store.find_hospital("H001").await.unwrap(), Some(good));
        let new_bad = hospital("H002", &["ent", "ent"]);
        assert!(store.put_hospital(&new_bad, 3).await.is_err());
        assert!(!store.hospital_exists("H002").await.unwrap());
        store.close().await;
    }

    #[test]
    fn unknown_codes_are_those_the_registry_lacks() {
        let registry = [hospital("H001", &["cardiology"])];
        let counts = vec![
            ("H001".into(), Some("cardiology".into()), 10),
            ("H001".into(), Some("cardiolgy".into()), 2),
            ("H001".into(), None, 4),
            ("H009".into(), Some("ent".into()), 3),
            ("H009".into(), None, 5),
        ];
        let found = unknown_codes(&registry, counts);
        assert_eq!(
            found.hospitals,
            [UnregisteredHospital {
                code: "H009".into(),
                responses: 8
            }]
        );
        let departments: Vec<(&str, &str, u64)> = found
            .departments
            .iter()
            .map(|d| (d.hospital.as_str(), d.code.as_str(), d.responses))
            .collect();
        assert_eq!(departments, [("H009", "ent", 3), ("H001", "cardiolgy", 2)]);
    }
}
