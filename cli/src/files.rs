//! Opening the files a command reads and writes.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use scoring::input::InputFormat;
use scoring::instrument::{default_instrument, Instrument};

use crate::progress::Progress;

/// A response file opened for reading, its format known.
pub(crate) struct Input {
    pub(crate) reader: Box<dyn BufRead>,
    pub(crate) format: InputFormat,
}

fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Opens `path` (`-`: standard input). The format is `format` if given,
/// else the extension's, else guessed from the first bytes. Progress is
/// shown in bytes of the file when it has a known size.
pub(crate) fn open_input(
    path: &Path,
    format: Option<InputFormat>,
    progress: &Progress,
) -> Result<Input> {
    let name = path.display();
    let mut reader: Box<dyn BufRead> = if is_stdio(path) {
        Box::new(BufReader::with_capacity(1 << 18, io::stdin()))
    } else {
        let file = File::open(path).with_context(|| format!("could not open {name}"))?;
        if let Ok(meta) = file.metadata() {
            progress.set_length(meta.len());
        }
        Box::new(BufReader::with_capacity(1 << 18, progress.wrap_read(file)))
    };
    let format = match format.or_else(|| path.to_str().and_then(InputFormat::from_file_name)) {
        Some(format) => format,
        None => {
            let head = reader
                .fill_buf()
                .with_context(|| format!("could not read {name}"))?;
            InputFormat::detect(head)
                .ok_or_else(|| anyhow!("{name} is empty: no responses to read"))?
        }
    };
    Ok(Input { reader, format })
}

/// The whole of a small file, as text.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let mut text = String::new();
    if is_stdio(path) {
        io::stdin()
            .read_to_string(&mut text)
            .context("could not read standard input")?;
    } else {
        text = std::fs::read_to_string(path)
            .with_context(|| format!("could not read {}", path.display()))?;
    }
    Ok(text)
}

/// The instrument of `--instrument FILE`, checked, or the default one.
pub(crate) fn load_instrument(path: Option<&PathBuf>) -> Result<Instrument> {
    let Some(path) = path else {
        return Ok(default_instrument());
    };
    let text = read_text(path)?;
    parse_instrument(&text)
        .with_context(|| format!("{} is not a usable instrument", path.display()))
}

/// Parses and checks an instrument, listing every problem.
pub(crate) fn parse_instrument(text: &str) -> Result<Instrument> {
    let instrument: Instrument = serde_json::from_str(text).context("not an instrument JSON")?;
    instrument.check().map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        anyhow!("{} problems:\n{}", errors.len(), list.join("\n"))
    })?;
    Ok(instrument)
}

/// A buffered writer to `path` (absent or `-`: standard output).
pub(crate) fn create_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) if !is_stdio(path) => {
            let file = File::create(path)
                .with_context(|| format!("could not create {}", path.display()))?;
            Box::new(BufWriter::with_capacity(1 << 18, file))
        }
        _ => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Writes `bytes` to `path` (absent or `-`: standard output).
pub(crate) fn write_output(path: Option<&PathBuf>, bytes: &[u8]) -> Result<()> {
    let mut out = create_output(path)?;
    out.write_all(bytes).context("could not write the output")?;
    out.flush().context("could not write the output")
}
