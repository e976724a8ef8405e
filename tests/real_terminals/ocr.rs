//! Screenshots to files and files to text: ImageMagick's `convert` and tesseract's Arabic
//! model.

use std::path::{Path, PathBuf};

use super::procs::timed;
use super::x11::Shot;

/// Tesseract's page segmentation mode: 6 reads the pane as one block of uniform text.
const PSM: &str = "6";

/// Saves `shot` as `NAME.png` in `dir` (what a person looks at) and, next to it,
/// `NAME-ocr.png` (what tesseract reads): without the first and last of its `rows` text rows
/// (okur's pane title, a file path, and its status line, neither of them Arabic), grey, dark
/// text on light, scaled 2x. Returns both paths.
pub fn save(shot: &Shot, rows: usize, dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let xwd = dir.join(format!("{name}.xwd"));
    std::fs::write(&xwd, &shot.xwd).expect("screenshot written");
    let png = dir.join(format!("{name}.png"));
    convert(&xwd, &[], &png);
    let ocr = dir.join(format!("{name}-ocr.png"));
    let row = shot.height / rows;
    let crop = format!("{}x{}+0+{row}", shot.width, shot.height - 2 * row);
    let mut steps = vec!["-crop", &crop, "+repage", "-colorspace", "gray"];
    if shot.dark() {
        steps.push("-negate");
    }
    steps.extend(["-resize", "200%"]);
    convert(&xwd, &steps, &ocr);
    let _ = std::fs::remove_file(&xwd);
    (png, ocr)
}

/// `convert xwd:FROM STEPS... TO`.
fn convert(from: &Path, steps: &[&str], to: &Path) {
    let status = timed(60, "convert")
        .arg(format!("xwd:{}", from.display()))
        .args(steps)
        .arg(to)
        .status()
        .expect("convert runs (package imagemagick)");
    assert!(status.success(), "convert could not write {}", to.display());
}

/// The text tesseract reads in `image` with its Arabic model.
pub fn read(image: &Path) -> String {
    let out = timed(120, "tesseract")
        .arg(image)
        .args(["-", "-l", "ara", "--psm", PSM])
        .output()
        .expect("tesseract runs (packages tesseract-ocr, tesseract-ocr-ara)");
    assert!(
        out.status.success(),
        "tesseract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
