//! A progress bar on standard error, only when it is a terminal: pipes,
//! files and CI logs get no control characters.

use std::io::{IsTerminal, Read};

use indicatif::{ProgressBar, ProgressStyle};

pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar counting items (responses).
    pub(crate) fn items(total: u64, what: &str) -> Progress {
        Progress::new(
            total,
            &format!("{{bar:40}} {{pos}}/{{len}} {what} ({{per_sec}}, {{eta}} left)"),
        )
    }

    /// A bar counting bytes of an input file; its length is set on opening.
    pub(crate) fn bytes() -> Progress {
        Progress::new(
            0,
            "{bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        )
    }

    fn new(total: u64, template: &str) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress {
                bar: ProgressBar::hidden(),
            };
        }
        let bar = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress { bar }
    }

    pub(crate) fn set_length(&self, length: u64) {
        self.bar.set_length(length);
    }

    pub(crate) fn inc(&self, delta: u64) {
        self.bar.inc(delta);
    }

    pub(crate) fn wrap_read<R: Read + 'static>(&self, reader: R) -> impl Read + 'static {
        self.bar.wrap_read(reader)
    }

    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// Prints a line on stderr without tearing the bar.
    pub(crate) fn println(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.suspend(|| eprintln!("{line}"));
        }
    }
}
