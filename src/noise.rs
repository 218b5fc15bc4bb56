//! TEMPORARY stub until the catalogue lands.
#[derive(Debug, Clone)]
pub struct Boilerplate;
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraPattern {
    pub rule: String,
    pub pattern: String,
}
impl Boilerplate {
    pub fn builtin() -> Self {
        Boilerplate
    }
    pub fn classify(&self, paragraph: &str) -> Option<&str> {
        paragraph
            .to_lowercase()
            .starts_with("read more at")
            .then_some("boilerplate/read-more")
    }
}
