//! Named boilerplate rules: the scrape noise (share bars, "Read more at ...", cookie banners,
//! bylines, image credits...) that a page template wraps around an article.
//!
//! Every rule is an anchored, case-insensitive regex that must match a *whole* paragraph (or, for
//! a multi-line block, every line of it): "Read more at DailyMail.co.uk" is noise, "Read more
//! widely, the report suggests..." is prose and stays. Precision comes first, so each rule also
//! carries a word limit: boilerplate is short, and a pattern never fires on a paragraph longer
//! than its limit. The catalogue is compiled once per process into lazy DFAs (linear time, no
//! backtracking): two for short paragraphs, compiled on two threads, and a small one of the
//! long-form rules for long paragraphs. User patterns from the config file are a [`RegexSet`]
//! tried after the built-in rules.

use regex::{RegexBuilder, RegexSet, RegexSetBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use std::cell::RefCell;
use std::sync::OnceLock;

const READ_MORE: &str = "boilerplate/read-more";
const SHARE: &str = "boilerplate/share";
const ADVERTISEMENT: &str = "boilerplate/advertisement";
const NEWSLETTER: &str = "boilerplate/newsletter";
const COOKIE: &str = "boilerplate/cookie";
const TIMESTAMP: &str = "boilerplate/timestamp";
const SOCIAL_FOLLOW: &str = "boilerplate/social-follow";
const RELATED: &str = "boilerplate/related";
const COMMENTS: &str = "boilerplate/comments";
const IMAGE_CREDIT: &str = "boilerplate/image-credit";
/// Menu and breadcrumb lines share the id of the page-edge menus (see
/// `noise::navigation`): both are the page's navigation.
const NAVIGATION: &str = crate::rules::NAVIGATION;
const PAYWALL: &str = "boilerplate/subscribe-paywall";
const BYLINE: &str = "boilerplate/author-byline";
const COPYRIGHT: &str = "boilerplate/copyright";
const APP_PROMO: &str = "boilerplate/app-promo";
const PRINT_EMAIL: &str = "boilerplate/print-email";
const TAGS: &str = "boilerplate/tags";
const EMBED: &str = "boilerplate/embed";
const FEEDBACK: &str = "boilerplate/feedback";
/// Reporting and editing credits ("(Reporting by ...; Editing by ...)",
/// "... contributed to this report"): agency copy keeps them as part of the
/// story, so the rule is opt-in (see `rules::RULES`).
const CREDITS: &str = "boilerplate/credits";
/// The signature line under an embedded post ("— Name (@handle) May 1, 2019"):
/// it says who said the quoted post, so it is opt-in.
const EMBED_ATTRIBUTION: &str = "boilerplate/embed-attribution";

/// Paragraphs longer than this many bytes are only tried against long-form rules (cookie,
/// copyright and paywall banners): a short rule cannot match them anyway, and most prose
/// paragraphs are longer than this, so the big set never runs on them.
const SHORT_BYTES: usize = 400;
/// Paragraphs longer than this many bytes are never built-in boilerplate.
const LONG_BYTES: usize = 3000;
/// A rule whose word limit is above this is long-form (see [`SHORT_BYTES`]).
const LONG_FORM_WORDS: usize = 30;
/// Compiled-program budget for a set: the catalogue uses large Unicode classes.
const SIZE_LIMIT: usize = 64 << 20;
/// Lazy-DFA cache budget per set, so matching stays on the fast engine.
const DFA_SIZE_LIMIT: usize = 32 << 20;

/// Decoration a scraper leaves before a label: bullets, quotes, markdown markers, brackets.
const LEAD: &str = r"[\s\[(<«»›•·*>|:–—_=#~-]*";
/// Decoration after a label: arrows, colons, ellipses, closing brackets, the target of a
/// markdown link (`[Read more](https://...)`). No `.`, `!` or `?`, so "Next." or "Help!" (a
/// sentence) never matches a bare-label rule; rules that accept a final full stop say so with
/// `end!()`.
const TAIL: &str = r"(?:[\s\])>»›→:|*_=~–—-]|\.\.\.|…|\]\([^()\s]*\))*";

// Fragments shared by several rules. They are macros so that `concat!` can splice them into the
// `&'static str` patterns of the catalogue at compile time.

/// An optional sentence-final full stop or exclamation mark.
macro_rules! end {
    () => {
        r"[.!]?"
    };
}

/// Where a link points: " at DailyMail.co.uk", " on BBC News". No final full stop, so "Full
/// story at 10." (a sentence) is not a link.
macro_rules! site {
    () => {
        r" (?:here |below )?(?:at|on|in|from|via) [^\n]*[^\n.!?]"
    };
}

/// Month names and abbreviations in the languages the catalogue covers.
macro_rules! month {
    () => {
        concat!(
            r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?",
            r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
            r"|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember",
            r"|janvier|janv|février|fevrier|févr|mars|avril|avr|juin|juillet|juil|août|aout",
            r"|septembre|octobre|novembre|décembre|decembre|déc",
            r"|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre",
            r"|setiembre|octubre|noviembre|diciembre|dic",
            r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
            r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|fev|dez",
            r"|januari|februari|maart|mei|augustus|mrt|okt",
            r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября",
            r"|декабря|янв|фев|апр|июн|июл|авг|сен|сент|окт|ноя|дек",
            r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października",
            r"|listopada|grudnia)\.?"
        )
    };
}

/// An optional weekday before a date: "Sat", "Monday,", "lundi".
macro_rules! weekday {
    () => {
        concat!(
            r"(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?",
            r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?",
            r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
            r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo",
            r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
            r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira",
            r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?,? )?"
        )
    };
}

/// A clock time with optional am/pm and time zone: "10:32 BST", "14h32", "3pm", "14:32 Uhr".
macro_rules! time {
    () => {
        concat!(
            r"[0-9]{1,2}(?:[:.h][0-9]{2}(?::[0-9]{2})?(?: ?[ap]\.?m\.?)?| ?[ap]\.?m\.?)",
            r"(?: ?(?:uhr|[a-z]{2,4}|(?:utc|gmt) ?[+-] ?[0-9]{1,2}(?::?[0-9]{2})?))?"
        )
    };
}

/// A calendar date: "21 April 2018", "April 21, 2018", "21.04.2018", "2019-11-04".
macro_rules! date {
    () => {
        concat!(
            weekday!(),
            r"(?:[0-9]{1,2}(?:st|nd|rd|th|er|\.|º)?(?: de)? ",
            month!(),
            r",?(?: de)? (?:19|20)[0-9]{2}|",
            month!(),
            r" [0-9]{1,2}(?:st|nd|rd|th)?,? (?:19|20)[0-9]{2}",
            r"|[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)[0-9]{2}|[0-9]{2}[./][0-9]{2}[./][0-9]{2}",
            r"|(?:19|20)[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2}",
            r"(?:t[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?)?)",
            r"(?: (?:г\.?|года|r\.|roku))?"
        )
    };
}

/// A date with an optional time on either side.
macro_rules! datetime {
    () => {
        concat!(
            r"(?:",
            time!(),
            r"(?:,| on| -| –| —| \|| /| ·| •)? )?",
            date!(),
            r"(?:(?:,| at| à| a las| alle| às| om| o| um| в| -| –| —| \|| /| ·| •)? ",
            time!(),
            r")?"
        )
    };
}

/// "Published", "Updated on", "Posted:", "Mis à jour le"... followed by a space.
macro_rules! ts_label {
    () => {
        concat!(
            r"(?:(?:(?:first |originally |last )?(?:published|updated|modified|posted|created",
            r"|released|edited)|dated?|veröffentlicht|(?:zuletzt )?aktualisiert|erstellt|stand",
            r"|publié|mis à jour|modifié|publicado|actualizado|última actualización|pubblicato",
            r"|aggiornato|ultimo aggiornamento|atualizado|atualização|опубликовано|обновлено",
            r"|дата публикации|gepubliceerd|(?:laatst )?bijgewerkt|laatste update|opublikowano",
            r"|aktualizacja|zaktualizowano|data publikacji)",
            r"(?: (?:on|at|am|le|el|il|em|op|в|dnia))?(?: ?:)? )"
        )
    };
}

/// A relative time: "3 hours ago", "vor 2 Stunden", "il y a 5 minutes", "3 часа назад".
macro_rules! ago {
    () => {
        concat!(
            r"(?:(?:[0-9]+|an?|one) ?(?:s|m|h|d|w|mo|y|yrs?|secs?|seconds?|mins?|minutes?|hrs?",
            r"|hours?|days?|weeks?|months?|years?) ago",
            r"|(?:vor|il y a|hace|há) [0-9]+ \p{L}+|[0-9]+ \p{L}+ (?:fa|назад|geleden|temu))"
        )
    };
}

/// A reading-time note: "5 min read", "Reading time: 3 minutes", "Lesezeit: 4 Min.".
macro_rules! read_time {
    () => {
        concat!(
            r"(?:(?:(?:estimated )?(?:reading|read) time|lesezeit|lesedauer|temps de lecture",
            r"|tiempo de lectura|tempo di lettura|tempo de leitura|время (?:на )?чтения|lecture",
            r"|время прочтения|leestijd|czas czytania) ?:? ?(?:about |ca\.? |~)?",
            r"(?:[0-9]+|one|an?|less than (?:a|one|[0-9]+))(?: ?[-–] ?[0-9]+)? ?",
            r"(?:min(?:ute)?s?|minuten?|minutos?|minuti|minut[ay]?|мин(?:ут[аы]?)?)\.?",
            r"|[0-9]+(?: ?[-–] ?[0-9]+)?[ -]?(?:min(?:ute)?s?|m|minuten|minutos?|minuti|minut",
            r"|мин(?:ут[аы]?)?)\.? (?:read|reading|read time|listen|lesezeit|de lecture",
            r"|de lectura|di lettura|de leitura|leestijd|czytania|чтения))"
        )
    };
}

/// One piece of a timestamp line.
macro_rules! ts_seg {
    () => {
        concat!(
            r"(?:",
            ts_label!(),
            r"?(?:",
            datetime!(),
            r"|",
            ago!(),
            r")|",
            read_time!(),
            r")"
        )
    };
}

/// "Today"/"yesterday" in the catalogue's languages.
macro_rules! today {
    () => {
        concat!(
            r"(?:today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje",
            r"|ontem|сегодня|вчера|vandaag|gisteren|dzisiaj|dziś|wczoraj)"
        )
    };
}

/// A capitalised word of a person's name, with optional initials: "Jane", "J. K. Rowling",
/// "O'Neil", "JANE". Case-sensitive even inside the case-insensitive set, so that "By the time"
/// is not a byline.
macro_rules! name_word {
    () => {
        r"(?-i:(?:\p{Lu}\. ?)*\p{Lu}[\p{L}'’-]*)"
    };
}

/// One or more names: capitalised words, with "van", "de", "bin"... inside a name and commas
/// or "and" between names. The rule's word limit bounds the length.
macro_rules! names {
    () => {
        concat!(
            name_word!(),
            r"(?:(?: (?:(?:de|da|di|du|van|von|der|den|del|della|dos|das|le|la|bin|ibn|al|el",
            r"|ter|ten|zu) )*|(?:,| and| &| und| et| y| e| i| и| en| oraz) )",
            name_word!(),
            r")*"
        )
    };
}

/// An optional affiliation after a byline: "| For `Dailymail.com`", ", Political Editor",
/// "For `MailOnline`". Only capitalised words and connectives, so prose after a comma fails.
macro_rules! affiliation {
    () => {
        concat!(
            r"(?:(?: ?[|,–—-] ?| )(?:(?:for|für|pour|para|per|voor|dla) )?",
            r"(?:(?-i:[\p{Lu}0-9][\p{L}0-9'’.&-]*)|&)",
            r"(?: (?:(?-i:[\p{Lu}0-9][\p{L}0-9'’.&-]*)|for|and|of|in|the|at|on|&|de|du|la",
            r"|del|van|von|der|für|pour|para|per|voor|dla))*)?"
        )
    };
}

/// News and photo agencies whose name alone on a line is a picture credit.
macro_rules! agency {
    () => {
        concat!(
            r"(?:getty(?: images)?(?: for [^\n/]+)?|reuters|afp|ap|ap photo|associated press",
            r"|epa(?:-efe)?|efe|shutterstock|istock(?:photo)?|alamy(?: stock photo)?",
            r"|pa(?: wire| media| images| archive| photo)?|press association",
            r"|rex(?: features|/shutterstock)|dpa(?:-infocom)?|imago(?: images)?",
            r"|picture[- ]alliance|bloomberg|ansa|anadolu(?: agency)?|sipa(?: press)?|xinhua",
            r"|tass|ria novosti|риа новости|тасс|kyodo|yonhap|zuma(?: press| wire)?|nurphoto",
            r"|sopa images|abaca(?:press)?|backgrid|splash news|keystone|belga|anp|pap|lusa",
            r"|eyevine|camera press|mirrorpix|wireimage|filmmagic|unsplash|pexels",
            r"|wikimedia commons|cnn|bbc)"
        )
    };
}

/// Labels that introduce a picture credit: "Photo", "Photograph", "Bild", "Фото", "Fot."...
macro_rules! image_label {
    () => {
        concat!(
            r"(?:photo(?:graph|graphy)?s?|pictures?|pics?|images?|imgs?|illustrations?",
            r"|graphics?|artwork|cartoon|credits?|(?:photo|image|picture) ?credits?",
            r"|foto(?:s|grafie|grafía|grafia)?|bild(?:er|quelle)?|fotoquelle|crédits?(?: photo)?",
            r"|photo ?crédits?|créditos?|imagen(?:es)?|immagin[ei]|imagens?|фото(?:графия)?",
            r"|изображение|zdjęci[ea]|fot\.|afbeelding|beeld)"
        )
    };
}

/// The rest of a cookie-banner sentence: it must say what the cookies are for, so "We use
/// cookies in this recipe" stays.
macro_rules! cookie_purpose {
    () => {
        concat!(
            r"[^\n]*(?:experience|website|site|brows|analy[sz]|personali[sz]|traffic|advert",
            r"|ads|consent|agree|accept|policy|privacy|function|services|performance|partners",
            r"|tracking|similar technologies|preferences|settings|data)[^\n]*"
        )
    };
}

/// Sharing and messaging services, as they appear in share bars.
macro_rules! platform {
    () => {
        concat!(
            r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|messenger",
            r"|flipboard|tumblr|vk|vkontakte|вконтакте|одноклассники|bluesky|threads|mastodon",
            r"|xing|pocket|e-?mail|mail|sms|gmail|copy link|copy url)"
        )
    };
}

/// Social networks a reader is asked to follow the site on.
macro_rules! network {
    () => {
        concat!(
            r"(?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|mastodon",
            r"|youtube|telegram|google news|flipboard|substack|apple news|whatsapp|snapchat",
            r"|pinterest|reddit|vk|вконтакте|телеграм|дзен)"
        )
    };
}

/// One breadcrumb or menu item: one to four words, the first capitalised.
macro_rules! crumb {
    () => {
        r"(?-i:[\p{Lu}0-9])[\p{L}0-9'’&.,+-]*(?: [\p{L}0-9'’&.,+-]+){0,3}"
    };
}

/// One catalogue entry.
struct Rule {
    /// The rule id reported for a removal, e.g. `boilerplate/share`.
    id: &'static str,
    /// The pattern never fires on a paragraph with more words than this: boilerplate is short,
    /// and the limit keeps free-text tails (`READ MORE: <headline>`) from eating prose.
    max_words: usize,
    /// The regex body; [`builtin_regex`] anchors it and allows decoration around it.
    pattern: &'static str,
}

const fn rule(id: &'static str, max_words: usize, pattern: &'static str) -> Rule {
    Rule {
        id,
        max_words,
        pattern,
    }
}

/// The built-in catalogue, in priority order: the first matching rule names the removal, so
/// specific rules come before the generic ones that could also match.
const RULES: &[Rule] = &[
    // -- read more ------------------------------------------------------------------------
    rule(
        READ_MORE,
        8,
        concat!(
            r"(?:read|see|find out|learn|discover) more",
            r"(?: (?:here|below|now|information|details|info)| about (?:our|these|this|us)",
            r"[^\n]*)?",
            end!()
        ),
    ),
    rule(
        READ_MORE,
        10,
        concat!(
            r"read (?:on|more|the (?:story|article|report)|(?:the )?(?:full|whole|complete",
            r"|original|entire)(?: (?:story|article|report|post|interview|text|statement|review",
            r"|piece|thread))?|(?:the )?rest(?: of (?:the|this) (?:story|article|post))?)",
            r"(?:(?: here| below)?",
            end!(),
            r"|",
            site!(),
            r")"
        ),
    ),
    rule(
        READ_MORE,
        25,
        r"(?:read more(?: ?[:|] ?| [–—-] )|read ?: )[^\n]*[^\n.]",
    ),
    rule(
        READ_MORE,
        12,
        concat!(
            r"(?:continue|keep) reading(?: (?:the |this )?(?:main )?(?:story|article|post)",
            r#"| below| here| [“"][^\n]*[”"])?(?:"#,
            end!(),
            r"|",
            site!(),
            r")"
        ),
    ),
    rule(
        READ_MORE,
        8,
        concat!(
            r"full (?:story|article|report|coverage|text|statement|interview)",
            r"(?:(?: here| below)?",
            end!(),
            r"|",
            site!(),
            r")"
        ),
    ),
    rule(
        READ_MORE,
        6,
        r"(?:via|h/t|hat tip) ?: [^\n]*[^\n.!?]|(?:via|h/t) (?-i:[\p{Lu}0-9])[^\n]*[^\n.!?]",
    ),
    rule(
        READ_MORE,
        40,
        concat!(
            r"this (?:article|story|post|piece|column|interview|essay|report) (?:was )?",
            r"(?:originally|first) (?:published|appeared|posted|ran) [^\n]+"
        ),
    ),
    rule(
        READ_MORE,
        12,
        r"originally (?:published|appeared|posted) (?:on|at) [^\n]*[^\n.!?]",
    ),
    rule(
        READ_MORE,
        60,
        r"a version of this (?:article|story) (?:appears|appeared) in print[^\n]*",
    ),
    rule(
        READ_MORE,
        6,
        concat!(
            r"(?:weiterlesen|(?:hier|jetzt) (?:mehr |weiter)?lesen|mehr (?:lesen|erfahren|dazu)",
            r"|(?:zum )?(?:ganzen|vollständigen|kompletten) artikel|lesen sie (?:hier |jetzt )?",
            r"(?:weiter|mehr)|lire (?:la suite|plus|l'article(?: complet)?)|voir plus",
            r"|(?:en )?savoir plus|la suite|leer (?:más|mas|el artículo completo|la noticia",
            r" completa)|(?:seguir|sigue|continuar|continúa) leyendo|(?:ver|saber) más",
            r"|leia (?:mais|a matéria completa|o artigo completo)|continu(?:e|ar) lendo",
            r"|saiba mais|ver mais|leggi (?:tutto|di più|l'articolo(?: completo)?|oltre",
            r"|il resto)|continua a leggere|(?:per )?saperne di più|approfondisci",
            r"|читать (?:далее|дальше|полностью|ещё|еще|подробнее|статью)|подробнее",
            r"|узнать больше|lees (?:meer|verder|het hele artikel)|verder lezen|meer lezen",
            r"|más información|mais informações|maggiori informazioni|plus d'informations",
            r"|czytaj (?:więcej|dalej|cały artykuł)|więcej|dowiedz się więcej",
            r"|przeczytaj (?:więcej|cały artykuł))",
            end!()
        ),
    ),
    // -- share ----------------------------------------------------------------------------
    rule(
        SHARE,
        8,
        concat!(
            r"(?:share|tweet)(?: (?:this|the|it))?(?: full)?(?: (?:article|story|post|page|video",
            r"|gallery|photo|image|link|quote))?(?: (?:on|via|to|with|by))?(?: ",
            platform!(),
            r"(?:(?:,| or| and|/) ",
            platform!(),
            r")*)?"
        ),
    ),
    rule(
        SHARE,
        1,
        r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|flipboard|messenger|reblog",
    ),
    rule(
        SHARE,
        25,
        r"share (?:or|and) comment(?: on)?(?: this)?(?: article| story)?(?: ?: ?[^\n]*)?",
    ),
    rule(
        SHARE,
        15,
        concat!(
            r"(?:",
            platform!(),
            r"|share|shares|tweet|pin(?: it)?|print|save|comments?|like|flip|copy|reblog|restack)",
            r"(?: \(?[0-9]+(?:[.,][0-9]+)?[km]?\)?)?(?:[\s,|/•·]+(?:",
            platform!(),
            r"|share|shares|tweet|pin(?: it)?|print|save|comments?|like|flip|copy|reblog|restack)",
            r"(?: \(?[0-9]+(?:[.,][0-9]+)?[km]?\)?)?)+"
        ),
    ),
    rule(
        SHARE,
        12,
        concat!(
            r"(?:(?:copy|copied|share) (?:the |this )?(?:link|url)(?: to clipboard)?",
            r"|link copied(?: to clipboard)?|copy to clipboard|copied|share via(?: [^\n]+)?",
            r"|send (?:via|by) (?:e-?mail|whatsapp|sms)|share (?:this )?(?:with|to)",
            r" (?:a friend|friends)|click to share on [^\n]+|opens in (?:a )?new (?:window|tab)",
            r"|about sharing|share (?:this )?page|like this ?:?|like loading)",
            end!()
        ),
    ),
    rule(
        SHARE,
        4,
        r"[0-9](?:[0-9.,]*[0-9])?[km]? (?:shares?|retweets?|likes?|reposts?)",
    ),
    rule(
        SHARE,
        8,
        concat!(
            r"(?:teilen|(?:artikel|beitrag|jetzt) teilen|partager(?: (?:cet |l')article)?",
            r"|compartir(?: (?:esta noticia|este artículo))?|compartilh(?:e|ar)",
            r"|condividi(?: (?:questo articolo|l'articolo))?|поделиться|поделитесь|delen",
            r"|deel dit artikel|udostępnij|podziel się)(?: (?:auf|sur|en|su|no|на|в|op|via|na)",
            r" ",
            platform!(),
            r"(?:(?:,| oder| ou| o| e| или| of| lub) ",
            platform!(),
            r")*)?"
        ),
    ),
    rule(
        SHARE,
        6,
        concat!(
            r"(?:auf|sur|en|su|no|на|в|op|na) ",
            platform!(),
            r" (?:teilen|partager|compartir|condividere|compartilhar|поделиться|delen",
            r"|udostępnij)"
        ),
    ),
    // -- advertisement ----------------------------------------------------------------------
    rule(
        ADVERTISEMENT,
        4,
        concat!(
            r"(?:advertisement|advertisment|advert|ads?|sponsored",
            r"|sponsored (?:content|post|story|article|links?|listing|feature)",
            r"|paid (?:content|post|promotion|partnership)",
            r"|promoted(?: (?:content|stories|links|post))?|partner content|(?:paid )?advertorial",
            r"|ad feature|commercial content|supported by)"
        ),
    ),
    rule(
        ADVERTISEMENT,
        40,
        concat!(
            r"(?:(?:disclosure|note) ?: ?)?(?:this (?:post|article|page|story|site|content|review)",
            r" (?:may )?contains? affiliate links[^\n]*",
            r"|as an amazon associate,? (?:we|i) earn from qualifying purchases\.?)"
        ),
    ),
    rule(
        ADVERTISEMENT,
        8,
        concat!(
            r"(?:sponsored|brought to you|paid for|presented) by [^\n]*[^\n.!?]",
            r"|in (?:partnership|association) with [^\n]*[^\n.!?]"
        ),
    ),
    rule(
        ADVERTISEMENT,
        12,
        concat!(
            r"(?:the )?(?:story|article|content) continues (?:below|after|under)",
            r"(?: (?:this|the|these))?(?: (?:advertisement|advert|ads?|sponsored content|video",
            r"|message|break))?|story continues",
            end!()
        ),
    ),
    rule(
        ADVERTISEMENT,
        10,
        concat!(
            r"(?:advertisement|advert|ad)(?: ?[-–—:|] ?| )(?:scroll|continue|story continues)",
            r"[^\n]*"
        ),
    ),
    rule(
        ADVERTISEMENT,
        10,
        concat!(
            r"(?:scroll (?:down )?to continue(?: (?:with|to) (?:the )?(?:content|article|story",
            r"|reading))?|continue reading (?:below|after (?:the )?(?:ad|advertisement|advert))",
            r"|skip (?:this )?(?:ad|advert|advertisement)|close (?:ad|advert|advertisement)",
            r"|remove ads|go ad-free|ad-free|hide ads|report (?:this )?ad",
            r"|why (?:this|am i seeing this) ad\??|adchoices|ad choices|ads by google",
            r"|(?:video )?(?:advertisement|ad) (?:feedback|by google)|ad loading|loading ad)",
            end!()
        ),
    ),
    rule(
        ADVERTISEMENT,
        10,
        concat!(
            r"(?:anzeige|werbung|gesponsert|publicité|publicite|contenu sponsorisé|sponsorisé",
            r"|publicidad|anuncio|patrocinado|contenido patrocinado|pubblicità|pubblicita",
            r"|contenuto sponsorizzato|sponsorizzato|publicidade|anúncio|conteúdo patrocinado",
            r"|реклама|на правах рекламы|партнерский материал|advertentie|gesponsord|reklama",
            r"|materiał (?:sponsorowany|partnera)|artykuł sponsorowany",
            r"|weiter nach der anzeige|lesen sie nach der anzeige weiter",
            r"|(?:la )?suite (?:de l'article )?après (?:cette |la )?publicité",
            r"|l'article continue (?:après|sous) (?:la|cette) publicité",
            r"|(?:el artículo |la noticia )?(?:continúa|sigue) (?:después de|tras|debajo de)",
            r" (?:la|esta) publicidad|(?:l'articolo )?continua (?:dopo|sotto) la pubblicità",
            r"|(?:o artigo |a matéria )?continua (?:após a|depois da) publicidade",
            r"|продолжение (?:после рекламы|ниже)",
            r"|(?:dalsza część|ciąg dalszy) (?:artykułu |tekstu )?(?:pod|po) reklam(?:ą|ie))"
        ),
    ),
    // -- newsletter -----------------------------------------------------------------------
    rule(
        NEWSLETTER,
        5,
        concat!(
            r"(?:sign up|sign-up|signup|subscribe|register)",
            r"(?: (?:now|today|here|free|for free|below|now for free))?",
            r"|(?:(?:our|free|daily|weekly|the) )*newsletters?|ready for more\?",
            r"|(?:after|skip past) newsletter promotion",
            end!()
        ),
    ),
    rule(
        NEWSLETTER,
        30,
        concat!(
            r"(?:sign up|sign-up|signup|subscribe|register|join|get|receive|want|never miss",
            r"|don't miss|don’t miss|stay (?:informed|up to date|in the know|updated|ahead)",
            r"|enjoy(?:ed)? (?:this|reading|what)|for (?:more|the latest)|be the first",
            r"|keep up)(?-u:\b)[^\n]*(?:newsletters?|inbox|mailing list|e-?mail (?:updates",
            r"|alerts|briefing|digest)|nieuwsbrief|boletín|рассылк)[^\n]*"
        ),
    ),
    rule(
        NEWSLETTER,
        8,
        r"sign up (?:to|for) (?-i:\p{Lu})[^\n]*[^\n.!?]",
    ),
    rule(
        NEWSLETTER,
        25,
        concat!(
            r"(?:the |our |your )?(?:best|latest|top|biggest|daily|weekly|morning|evening",
            r"|breaking|essential|free)[^\n]*(?:delivered|sent|straight) (?:to|into) your",
            r" (?:inbox|e-?mail)[^\n]*"
        ),
    ),
    rule(
        NEWSLETTER,
        15,
        concat!(
            r"(?:(?:enter|type) (?:your|an?) (?:valid )?e-?mail(?: address)?",
            r"(?: (?:here|below|to [^\n]+))?|your e-?mail(?: address)?|e-?mail address(?: \*)?",
            r"|invalid e-?mail(?: address)?|please enter a valid e-?mail(?: address)?)",
            end!()
        ),
    ),
    rule(
        NEWSLETTER,
        60,
        concat!(
            r"(?:thanks? (?:you )?for (?:signing up|subscribing|registering)[^\n]*",
            r"|thanks? (?:you )?for reading[^\n]*(?:subscribe|sign up)[^\n]*",
            r"|you(?:'re|’re| are)(?: now)? (?:signed up|subscribed|on the list)[^\n]*",
            r"|(?:please )?check your (?:inbox|e-?mail)(?: to confirm[^\n]*)?",
            r"|(?:you can )?unsubscribe at any time[^\n]*",
            r"|we(?:'ll|’ll| will) never share your e-?mail[^\n]*",
            r"|no spam(?:,? ever| ?[,.–—-] ?(?:we promise|unsubscribe|cancel|ever)[^\n]*)?",
            r"|privacy notice: newsletters may contain[^\n]*",
            r"|by (?:signing up|subscribing|registering|entering your e-?mail",
            r"|clicking[^\n]*(?:sign up|subscribe)),? you (?:agree|acknowledge|consent|accept",
            r"|confirm)[^\n]*)"
        ),
    ),
    rule(
        NEWSLETTER,
        30,
        concat!(
            r"(?:(?:(?:your|enter(?: your)?) )?e-?mail(?: address)? ?:? ?(?:sign up|subscribe|submit",
            r"|join|go|send)(?: now| today)?",
            r"|enter your e-?mail(?: address)?(?: (?:below|here))? (?:to|and) (?:subscribe|sign up",
            r"|get|receive|join|follow)[^\n]*",
            r"|get [^\n]{1,40} delivered (?:to your (?:door|doorstep|home|inbox)|(?:straight )?to",
            r" you)[^\n]*)",
            end!()
        ),
    ),
    rule(
        NEWSLETTER,
        25,
        concat!(
            r"(?:(?:jetzt )?(?:(?:zum )?newsletter (?:abonnieren|anmelden|bestellen)",
            r"|kostenlos (?:abonnieren|anmelden|registrieren))",
            r"|melden sie sich (?:jetzt )?(?:für|zu|zum) (?:unseren? )?newsletter an[^\n]*",
            r"|abonnez-vous(?: à (?:notre|la|nos) newsletters?[^\n]*)?",
            r"|inscrivez-vous(?: (?:à|pour recevoir) (?:notre|la|nos) newsletters?[^\n]*)?",
            r"|recevez (?:notre|nos|la) newsletters?[^\n]*",
            r"|suscríbete(?: (?:a|al) (?:nuestro|nuestra|nuestros)? ?(?:newsletter|boletín",
            r"|boletines)[^\n]*)?|suscribirse",
            r"|iscriviti(?: alla (?:nostra )?newsletter[^\n]*)?",
            r"|assine(?: (?:a|nossa) newsletter[^\n]*)?",
            r"|inscreva-se(?: (?:na|em) (?:nossa )?newsletter[^\n]*)?",
            r"|подпишитесь на (?:нашу )?рассылку[^\n]*|подписаться на рассылку",
            r"|schrijf je (?:nu )?in(?: voor (?:onze|de) nieuwsbrief[^\n]*)?",
            r"|meld je aan(?: voor (?:onze|de) nieuwsbrief[^\n]*)?",
            r"|abonneer je(?: op (?:onze|de) nieuwsbrief[^\n]*)?",
            r"|zapisz się(?: (?:do|na) (?:naszego )?newslett?era?[^\n]*)?)",
            end!()
        ),
    ),
    // -- cookie ---------------------------------------------------------------------------
    rule(
        COOKIE,
        120,
        concat!(
            r"(?:we|this (?:web)?site|this page|our (?:web)?site|our partners",
            r"|we and our (?:[0-9]+ )?(?:partners|vendors)|this (?:app|service|tool))",
            r" (?:and (?:our|selected|third[- ]party) (?:[0-9]+ )?(?:partners|vendors",
            r"|third parties) )?(?:uses?|may use|place|places|store|stores|set|sets|serve",
            r"|serves|use and share|(?:is|are) using) (?:(?:essential|necessary|analytics?",
            r"|tracking|third[- ]party|strictly necessary|functional|marketing",
            r"|own and third[- ]party|some) )*cookies(?:[.!]?|",
            cookie_purpose!(),
            r")"
        ),
    ),
    rule(
        COOKIE,
        60,
        concat!(
            r"by (?:continuing to (?:use|browse|visit|navigate)(?: (?:this|our|the))?",
            r" (?:web)?(?:site|page|service|app)|using (?:this|our) (?:web)?site",
            r"|using (?:this|our) (?:service|app)|clicking (?:on )?[“']?(?:accept|agree|ok",
            r"|i agree|continue|allow)|browsing (?:this|our) (?:web)?site|continuing your visit",
            r"|closing this (?:banner|message|notice))[^\n]*"
        ),
    ),
    rule(
        COOKIE,
        6,
        concat!(
            r"(?:(?:accept|allow|reject|decline|refuse|deny|disable|enable|block)",
            r"(?: (?:all|only))?(?: (?:necessary|essential|required|optional|non-essential",
            r"|additional|analytics|marketing|functional|strictly necessary))? cookies",
            r"|(?:accept|allow|reject|decline|refuse|deny) all|(?:accept|agree) (?:and|&)",
            r" (?:close|continue|proceed)|continue without (?:accepting|agreeing)",
            r"|use (?:only )?(?:necessary|essential) cookies(?: only)?",
            r"|(?:only )?(?:necessary|essential) cookies only|i accept cookies)",
            end!()
        ),
    ),
    rule(
        COOKIE,
        6,
        concat!(
            r"(?:(?:manage|customi[sz]e)(?: (?:my|your|the|all))?(?: (?:cookie|cookies|privacy",
            r"|consent|tracking|ad))* (?:preferences|settings|options|choices|consent)",
            r"|(?:change|update|adjust|review|edit|open|show|view)(?: (?:my|your|the|all))?",
            r"(?: (?:cookie|cookies|privacy|consent|tracking|ad))+ (?:preferences|settings",
            r"|options|choices|consent)",
            r"|(?:cookie|privacy|consent) (?:preferences|settings|options|choices|policy|notice",
            r"|statement|declaration|centre|center|banner)",
            r"|(?:do not|don't|don’t) sell(?: or share)? my (?:personal )?(?:info|information",
            r"|data)|your privacy choices|privacy preference cent(?:re|er)",
            r"|cookies? (?:policy|notice))"
        ),
    ),
    rule(
        COOKIE,
        80,
        concat!(
            r"(?:we (?:value|care about|respect) your privacy|your privacy (?:is important to",
            r" us|matters|choices)|cookies (?:help|allow|enable) us",
            r"|we (?:and our partners )?(?:need|would like|want) (?:your )?(?:consent",
            r"|permission) (?:to|for)[^\n]*(?:cookies|data|personal|device))[^\n]*"
        ),
    ),
    rule(
        COOKIE,
        100,
        concat!(
            r"(?:(?:diese (?:web)?seite|diese website|wir|unsere website) (?:verwendet",
            r"|verwenden|nutzt|nutzen|setzt|setzen) (?:\p{L}+ )?cookies",
            r"|(?:ce site|nous|notre site)(?: web)? (?:utilise|utilisons|dépose) (?:des )?",
            r"cookies|(?:este sitio(?: web)?|esta (?:web|página)|nuestra web) (?:utiliza|usa)",
            r" (?:las |nuestras? )?cookies|(?:utilizamos|usamos) (?:las |nuestras? )?cookies",
            r"|(?:questo sito(?: web)?) (?:utilizza|usa) (?:i )?cookie",
            r"|(?:utilizziamo|usiamo) (?:i )?cookie",
            r"|(?:este site|nosso site) (?:utiliza|usa) (?:os )?cookies",
            r"|(?:этот сайт|сайт|мы) (?:использует|используем) (?:файлы )?cookies?",
            r"|(?:deze (?:web)?site|wij|we) (?:gebruikt|gebruiken|maakt gebruik van",
            r"|maken gebruik van) cookies",
            r"|(?:ta strona|ten serwis|serwis|strona)(?: internetowa)? (?:używa|wykorzystuje",
            r"|korzysta z) (?:plików )?cookies?|używamy (?:plików )?cookies?)[^\n]*"
        ),
    ),
    rule(
        COOKIE,
        6,
        concat!(
            r"(?:alle (?:cookies )?(?:akzeptieren|ablehnen|zulassen)",
            r"|(?:nur )?(?:notwendige|essenzielle|erforderliche) cookies",
            r"(?: (?:akzeptieren|zulassen|verwenden))?|cookie-einstellungen",
            r"|(?:tout|tous) (?:accepter|refuser)|accepter (?:et fermer|tout|les cookies)",
            r"|refuser (?:tout|les cookies)|(?:paramétrer|gérer|personnaliser) (?:les |mes )?",
            r"(?:cookies|préférences|choix)|aceptar (?:todas?|todo|las cookies|cookies)",
            r"|rechazar (?:todas?|todo|las cookies)|configurar cookies",
            r"|accetta (?:tutti|tutto|i cookie)|rifiuta (?:tutti|tutto)",
            r"|aceitar (?:todos|tudo|os cookies|cookies)|rejeitar (?:todos|tudo)",
            r"|принять(?: все)?(?: cookies?)?|alles accepteren|accepteer (?:alle )?cookies",
            r"|alles weigeren|akceptuj(?:ę)?(?: wszystkie)?|zaakceptuj(?: wszystkie)?",
            r"|odrzuć wszystkie)"
        ),
    ),
    // -- timestamp ------------------------------------------------------------------------
    rule(
        TIMESTAMP,
        20,
        concat!(
            r"(?:",
            ts_seg!(),
            r"[ |•·,;–—-]*)+(?:(?:by|von|par|por|door|przez|di) [^\n.!?]+",
            r"|in (?-i:\p{Lu})[^\n.!?]*)?"
        ),
    ),
    rule(
        TIMESTAMP,
        2,
        r"(?:first |last )?(?:published|updated|posted|modified)",
    ),
    rule(
        TIMESTAMP,
        20,
        concat!(
            r"(?:posted|written|published|submitted|updated) by [^\n]+ (?:on|at) ",
            datetime!()
        ),
    ),
    rule(
        TIMESTAMP,
        8,
        concat!(
            ts_label!(),
            r"?",
            today!(),
            r",? (?:at |um |à |a las |alle |às |в |om |o )?",
            time!(),
            r"|",
            ts_label!(),
            today!()
        ),
    ),
    // -- social follow --------------------------------------------------------------------
    rule(
        SOCIAL_FOLLOW,
        25,
        concat!(
            r"follow (?:us|me)(?: (?:here|now|today)| for (?:more|the latest|updates|news)[^\n]*",
            r"| ?[:@][^\n]*| (?:on|at|via|in) (?:@|",
            network!(),
            r")[^\n]*)?"
        ),
    ),
    rule(SOCIAL_FOLLOW, 12, r"follow(?: @[a-z0-9_.]+(?: [^\n]*)?)?"),
    rule(SOCIAL_FOLLOW, 8, concat!(names!(), r" ?[·•|] ?follow")),
    rule(SOCIAL_FOLLOW, 20, r"chat with us (?:in|on) [^\n]*"),
    rule(
        SOCIAL_FOLLOW,
        15,
        concat!(
            r"(?:follow|folge|folgen sie|suivez|sigue|siga|segui|volg|obserwuj) [^\n]+ ",
            r"(?:on|auf|sur|en|su|no|na|op) ",
            network!(),
            r"(?:[ ,.][^\n]*)?"
        ),
    ),
    rule(
        SOCIAL_FOLLOW,
        12,
        concat!(
            r"(?:like|find|join|connect with|catch|add|watch|stay connected with",
            r"|stay in touch with|keep up with|subscribe to|follow|reach) (?:us|me) on ",
            network!(),
            r"(?:(?:,| and| or| &) ",
            network!(),
            r")*"
        ),
    ),
    rule(
        SOCIAL_FOLLOW,
        14,
        concat!(
            r"(?:join|subscribe to|follow) (?:our|my) (?:",
            network!(),
            r" )?(?:channel|group|community|page|server|account)(?: on ",
            network!(),
            r")?(?: (?:for|to) [^\n]*)?"
        ),
    ),
    rule(
        SOCIAL_FOLLOW,
        10,
        r"(?:twitter|instagram|facebook|tiktok|linkedin|threads|bluesky|mastodon|telegram) ?: ?@?[a-z0-9_.@/:-]+",
    ),
    rule(
        SOCIAL_FOLLOW,
        14,
        concat!(
            r"(?:folgen sie uns|folge uns|folgt uns|suivez-nous|suivez nous|retrouvez-nous",
            r"|rejoignez-nous|síguenos|siguenos|seguici|seguiteci|siga-nos|segue-nos",
            r"|подписывайтесь на нас|следите за нами|присоединяйтесь к нам|volg ons",
            r"|obserwuj nas|śledź nas|dołącz do nas)(?: (?:auf|sur|en|su|no|nas|em|в|на|op|na|w)",
            r" [^\n]*)?|подписывайтесь на [^\n]*(?:канал|telegram|телеграм|дзен|вконтакте|vk|youtube)[^\n]*"
        ),
    ),
    // -- related --------------------------------------------------------------------------
    rule(
        RELATED,
        6,
        concat!(
            r"(?:(?:more )?related(?: (?:articles?|stories|story|posts?|content|news|links?",
            r"|reading|coverage|topics|videos?|items?|galleries|searches|quotes))?",
            r"|(?:you (?:may|might|could|will)|you['’]ll|we think you(?:['’]ll| will)|you'd)",
            r" (?:also )?(?:like|love|enjoy|be interested in)(?: (?:this|these|reading))?",
            r"|(?:recommended|suggested)(?: (?:for you|stories|articles|reading|videos?|posts",
            r"|links))?|most (?:popular|read|viewed|shared|commented|watched|recent)",
            r"(?: (?:\p{L}+ )?(?:videos?|stories|articles|news|posts))?(?: (?:in|on|from) [^\n]*[^\n.!?])?",
            r"|story highlights|recent (?:posts|articles|stories|comments)|related internet links",
            r"|trending(?: (?:now|stories|articles|topics|today|news|videos?))?",
            r"|popular (?:now|stories|articles|posts|today|this week)",
            r"|top (?:stories|news|articles|picks|reads)",
            r"|latest (?:news|stories|articles|posts|videos|headlines|updates)",
            r"|(?:editors?['’]?s?['’]?|staff) picks?|don['’]?t miss|must reads?",
            r"|in case you missed it|icymi|what to read next|(?:read|watch|up) next|next up",
            r"|further reading|see also|also (?:read|see)|read also",
            r"|more (?:stories|articles|news|headlines|videos|like this|to explore|for you",
            r"|top stories|on this (?:story|topic))|other (?:stories|articles|news)",
            r"|around the web|from the web|from our partners|we recommend|explore more",
            r"|(?:explore )?more on these topics|popular|trending)"
        ),
    ),
    rule(
        RELATED,
        25,
        concat!(
            r"(?:related|see also|also read|read also|also see|read next|up next",
            r"|don['’]?t miss|icymi|in case you missed it|recommended|trending|must read",
            r"|further reading|more on this(?: story| topic)?|you (?:may|might) also like)",
            r" ?: [^\n]*[^\n.]"
        ),
    ),
    rule(
        RELATED,
        6,
        concat!(
            r"(?:(?:more|recommended) (?:from|on|in|about|by)|elsewhere on|also on)",
            r" (?:this (?:author|writer|section|topic|site)|(?:the )?(?-i:[\p{Lu}0-9])",
            r"[^\n]*[^\n.!?,;])"
        ),
    ),
    rule(
        RELATED,
        25,
        concat!(
            r"(?:das könnte sie auch interessieren|könnte sie auch interessieren",
            r"|auch interessant|mehr zum thema|lesen sie auch|weitere artikel",
            r"|weitere nachrichten|ähnliche artikel|verwandte artikel|meistgelesen(?:e artikel)?",
            r"|empfehlungen|à lire aussi|a lire aussi|lire aussi|à voir aussi|voir aussi",
            r"|sur le même sujet|dans la même rubrique|articles similaires|articles liés",
            r"|vous aimerez aussi|vous aimerez peut-être|les plus lus|les plus populaires",
            r"|(?:también )?te puede interesar|le puede interesar|noticias relacionadas",
            r"|artículos relacionados|lo más (?:leído|visto)|lee también|lea también",
            r"|(?:ti )?potrebbe interessar(?:ti|e)|articoli correlati|notizie correlate",
            r"|leggi anche|i più letti|più letti|veja também|leia também",
            r"|notícias relacionadas|matérias relacionadas|mais lid[ao]s|você pode gostar",
            r"|похожие (?:статьи|новости)|читайте (?:также|еще|ещё)|по теме",
            r"|самое (?:читаемое|популярное)|смотрите также|другие новости|lees ook",
            r"|gerelateerde artikelen|gerelateerd|meest gelezen|zie ook|czytaj (?:też|także)",
            r"|zobacz (?:też|także|również)|polecamy|najczęściej czytane|najpopularniejsze",
            r"|podobne artykuły|powiązane artykuły)(?: ?: ?[^\n]*[^\n.])?"
        ),
    ),
    // -- comments -------------------------------------------------------------------------
    rule(
        COMMENTS,
        6,
        concat!(
            r"(?:(?:[0-9](?:[0-9,.]*[0-9])?[km]?|no|zero) (?:comments|responses|replies|reactions",
            r"|reader comments)|(?:one|1) (?:comment|response|reply|reaction)",
            r"|(?:view|show|hide|read|see|load|open|close|toggle|display|expand|jump to|go to",
            r"|skip to)(?: all| more)?(?: [0-9](?:[0-9,.]*[0-9])?[km]?)?(?: the| all| more)? (?:comments?",
            r"|replies|responses|discussion|conversation))(?: ?\([0-9](?:[0-9,.]*[0-9])?[km]?\))?"
        ),
    ),
    rule(
        COMMENTS,
        6,
        concat!(
            r"(?:reader )?comments?(?: ?\([0-9](?:[0-9,.]*[0-9])?[km]?\)| ?: ?[0-9](?:[0-9,.]*[0-9])?[km]?",
            r"| [0-9](?:[0-9,.]*[0-9])?[km]?)?|responses(?: ?\([0-9](?:[0-9,.]*[0-9])?[km]?\))?|repl(?:y|ies)",
            r"|cancel reply|like reply|report(?: (?:abuse|comment))?",
            r"|flag(?: as inappropriate)?|upvote|downvote|(?:show|hide) replies",
            r"|[0-9]+ repl(?:y|ies)|showing [0-9]+(?: of [0-9]+)? comments",
            r"|(?:sort|order) by(?: (?:newest|oldest|best rated",
            r"|worst rated|most popular|top|new|best))*"
        ),
    ),
    rule(
        COMMENTS,
        20,
        concat!(
            r"(?:(?:leave|add|post|write|submit|make|drop)(?: us)?(?: a| your| an)?",
            r" (?:comments?|reply|replies|response|review)(?: (?:below|here|now))?",
            r"(?: cancel reply)?|have your say|share your (?:thoughts|views|opinion|experience",
            r"|story)(?: (?:below|in the comments|with us))?",
            r"|what do you think\??[^\n]*(?:comments?|below|let us know)[^\n]*",
            r"|let us know (?:what you think |your thoughts )?in the comments(?: below)?",
            r"|tell us (?:what you think )?(?:in the comments|below))",
            end!()
        ),
    ),
    rule(
        COMMENTS,
        10,
        concat!(
            r"(?:join|start|continue|enter|read) the (?:discussion|conversation|debate)",
            r"(?: (?:below|here|now|on (?-i:\p{Lu})[^\n]*))?|discussion about this (?:post|article)",
            end!()
        ),
    ),
    rule(
        COMMENTS,
        30,
        concat!(
            r"(?:(?:this |the )?(?:comments?|commenting|discussion) (?:are|is|has been|have been|was) (?:now )?",
            r"(?:closed|disabled|turned off|switched off|unavailable|not (?:available|enabled",
            r"|allowed|open))(?: [^\n]*)?",
            r"|(?:the )?comments? (?:below )?(?:are|is|have|has|will be) (?:(?:not|been|now",
            r"|pre-?) ?)*moderated[^\n]*",
            r"|comments? (?:for|on) this (?:article|story|post) (?:are|is|has|have)[^\n]*",
            r"|we are no longer accepting comments[^\n]*",
            r"|be the first to (?:comment|reply|review|respond|react)[^\n]*",
            r"|(?:there are )?no comments yet[^\n]*",
            r"|(?:you must be |please )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|register)",
            r"(?: or [^\n]*)? (?:to|in order to)",
            r" (?:post|leave|add|write|reply|comment|react|vote|like|join the (?:discussion",
            r"|conversation))[^\n]*)",
            end!()
        ),
    ),
    rule(
        COMMENTS,
        40,
        concat!(
            r"(?:your e-?mail(?: address)? will not be published[^\n]*",
            r"|required fields are marked[^\n]*|(?:name|e-?mail|website|comment) ?\*",
            r"|save my name, e-?mail,? and website[^\n]*",
            r"|notify me of (?:follow-up|new) (?:comments|posts)[^\n]*",
            r"|the views expressed (?:in the (?:contents|comments) above )?are those of",
            r" (?:our )?(?:users|the commenters|readers|commenters)[^\n]*",
            r"|comments? (?:policy|guidelines)|community (?:guidelines|standards))"
        ),
    ),
    rule(
        COMMENTS,
        10,
        concat!(
            r"(?:(?:[0-9]+ )?(?:kommentare?|commentaires?|comentarios?|commenti|comentários?",
            r"|комментари(?:ев|я|й|и)|reacties?|komentarz(?:e|y)?)(?: ?\([0-9]+\))?",
            r"|kommentar (?:schreiben|verfassen|abgeben)|(?:jetzt )?kommentieren",
            r"|diskutieren sie mit|(?:laisser|ajouter|écrire|poster) un commentaire",
            r"|réagir(?: à cet article)?|(?:deja|deje|escribe|añade|agregar|añadir)",
            r" (?:un |tu |su )?comentario|(?:lascia|scrivi|aggiungi) un commento",
            r"|(?:deixe|deixar|adicione|escreva) (?:um |seu |o seu )?comentário",
            r"|(?:оставить|оставьте|добавить|написать) комментарий",
            r"|(?:plaats|schrijf|laat) een reactie(?: achter)?|(?:dodaj|napisz) komentarz",
            r"|skomentuj|komentarze są wyłączone|les commentaires sont fermés",
            r"|comentarios cerrados|i commenti sono chiusi|комментарии закрыты",
            r"|reageren is niet (?:meer )?mogelijk)"
        ),
    ),
    // -- image credit ---------------------------------------------------------------------
    rule(
        IMAGE_CREDIT,
        10,
        concat!(
            image_label!(),
            r" ?(?:[:|©/]|\.\.\.|…) ?[^\n]+|",
            image_label!(),
            r" (?:credit|courtesy(?: of)?|copyright|©|source|by|via|from) ?[:,]? ?[^\n]+"
        ),
    ),
    rule(
        IMAGE_CREDIT,
        45,
        r"(?:(?:image|photo|picture|video|media) caption|file photo) ?[:,]? ?[^\n]+",
    ),
    rule(
        IMAGE_CREDIT,
        8,
        concat!(
            r"(?:(?:photo|foto|fot\.|bild|crédit|credit|©|\(c\)|copyright|image|picture|pic)",
            r":? ?)?(?:[^\s/]+(?: [^\s/]+){0,4} ?/ ?)?",
            agency!(),
            r"(?: ?(?:/|via|and|&|,|for) ?(?:",
            agency!(),
            r"|handout|pool|file|supplied)| ?/ ?[^\n/]+)*"
        ),
    ),
    rule(
        IMAGE_CREDIT,
        8,
        concat!(
            r"(?:sources?|quelle|fuente|fonte|источник|źródło|bron) ?: ?(?:[^\n]*[ /,(])?",
            agency!(),
            r"(?:[ /,)][^\n]*)?"
        ),
    ),
    rule(
        IMAGE_CREDIT,
        7,
        concat!(
            r"(?:photo |image )?(?:illustrations?|photos?|photographs?|pictures?|images?",
            r"|graphics?|artwork|fotos?) (?:by|from|via|courtesy(?: of)?|von|de|di|par|por",
            r"|door) [^\n]*[^\n.!?]"
        ),
    ),
    rule(
        IMAGE_CREDIT,
        6,
        r#"(?:courtesy(?: of)?|mit freundlicher genehmigung(?: von)?) [^\n]*[^\n.!?"'”’]"#,
    ),
    // -- navigation -----------------------------------------------------------------------
    rule(
        NAVIGATION,
        8,
        concat!(
            r"(?:skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article|menu",
            r"|results)|skip (?:navigation|to content|links)|jump to (?:the )?(?:main )?",
            r"(?:content|navigation|comments)|(?:back|return|go back|scroll|jump|go) to",
            r" (?:the )?(?:top|home ?page|home|main menu|start|index|articles?|news|blog",
            r"|all (?:articles|news|posts|stories)|previous page)(?: of (?:the )?page)?",
            r"|top of (?:the )?page|to top|↑|(?:open|close|toggle|show|hide)",
            r" (?:navigation|menu|search)|close (?:this|window|dialog|panel)",
            r"|main (?:menu|navigation)|search(?: for| the site| this site| news| articles)?",
            r"|submit search|menu|home|homepage|sections|all sections|more sections",
            r"|navigation menu|log ?in|sign ?in|log ?out|sign ?out|(?:log|sign) ?in ?/ ?register",
            r"|my account|create (?:an )?account|contact(?: us)?|about(?: us)?",
            r"|privacy (?:policy|notice|statement)|terms(?: (?:of (?:use|service)",
            r"|and conditions|& conditions))?|site ?map|rss(?: feeds?)?|advertise(?: with us)?",
            r"|close|×|✕|✖|zur startseite|zurück(?: zur (?:startseite|übersicht))?",
            r"|nach oben|retour en haut|haut de page|volver arriba|torna su|voltar ao topo",
            r"|post navigation|archives|blogroll|show key events only|buy photo",
            r"|reprints (?:&|and) permissions|editorial standards|order reprints",
            r"|наверх|naar boven|do góry)"
        ),
    ),
    rule(
        NAVIGATION,
        20,
        concat!(
            r"(?:(?:previous|prev|next|older|newer)(?: (?:article|story|post|page|entry|posts",
            r"|stories|articles|slide|image|photo|item|chapter|episode|video))? ?){1,2}",
            r"|(?:previous|next) (?:article|story|post) ?: ?[^\n]*",
            r"|page [0-9]+(?: of [0-9]+)?|(?:image|photo|picture|slide|item) [0-9]+ (?:of|/) [0-9]+",
            r"|[0-9]+ (?:of|/) [0-9]+(?: photos| images)?|[0-9]+/[0-9]+ (?:photos|images)",
            r"|(?:show|load|view|see|read|display) (?:more|all|less)(?: (?:articles|stories",
            r"|news|posts|results|items|photos|videos))?|(?:see|view) all (?:posts )?(?:from|by) [^\n]+"
        ),
    ),
    rule(
        NAVIGATION,
        25,
        concat!(
            r"(?:home|homepage|home page|start|startseite|accueil|inicio|portada|início",
            r"|página inicial|главная|strona główna|pagina iniziale|voorpagina)",
            r"(?: ?(?:[»›→]|>>|::) ?[^\n»›]+| [>/|\\] ",
            crumb!(),
            r")+"
        ),
    ),
    rule(
        NAVIGATION,
        20,
        concat!(crumb!(), r"(?: ?(?:[»›]|>>) ?", crumb!(), r")+"),
    ),
    rule(
        NAVIGATION,
        20,
        concat!(crumb!(), r"(?: (?:[>|/\\•·∙]|::) ", crumb!(), r"){2,}"),
    ),
    rule(
        NAVIGATION,
        10,
        concat!(
            r"(?:scroll (?:down|up) (?:for|to (?:see|read|watch|view|continue|the))",
            r"(?: (?:the|more|full))? (?:video|videos|more|comments?|content|next article",
            r"|full story|story|article|gallery)s?",
            r"|(?:click|tap) (?:to|for) (?:expand|enlarge|zoom)|click to view (?:full|larger)",
            r"[^\n]*|enlarge(?: this)? image|view (?:image )?(?:in )?full ?screen|expand",
            r"|collapse|(?:show|hide|toggle) (?:captions?|image))"
        ),
    ),
    rule(
        NAVIGATION,
        20,
        concat!(
            r"(?:(?:«|‹|<|prev(?:ious)?|first)(?: page)? )?[0-9]{1,3}(?: (?:[0-9]{1,3}|…|\.\.\.)){3,}",
            r"(?: (?:»|›|>|next|last)(?: page)?)?",
            r"|(?:«|‹|<|prev(?:ious)?|first)(?: page)? [0-9]{1,3}(?: (?:[0-9]{1,3}|…|\.\.\.))*",
            r"(?: (?:»|›|>|next|last)(?: page)?)?",
            r"|[0-9]{1,3}(?: (?:[0-9]{1,3}|…|\.\.\.))* (?:»|›|>|next|last)(?: page)?"
        ),
    ),
    // -- subscribe / paywall --------------------------------------------------------------
    rule(
        PAYWALL,
        40,
        concat!(
            r"(?:subscribe|sign up|register|log ?in|sign ?in|join)(?: (?:now|today|for free",
            r"|free))? (?:to|for) (?:continue|keep|unlock|read|get (?:full|unlimited)|access",
            r"|view|enjoy|finish)[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        40,
        concat!(
            r"(?:this|the rest of this|the full|this full) (?:article|story|content|post",
            r"|piece|page|report|feature|newsletter|episode) is(?: only)?(?: available",
            r"| reserved| exclusive| accessible| free)?(?: exclusively| only)? (?:for|to)",
            r" (?:our )?(?:(?:premium|paying|registered|paid|digital|\p{L}+) )?(?:subscribers",
            r"|members|readers|users)(?: only)?[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        15,
        concat!(
            r"(?:already (?:a |have an? )?(?:paid |premium |digital )?(?:subscriber|member|account",
            r"|registered|subscribed)",
            r"|(?:have|got) an account)\??(?: ?(?:log ?in|sign ?in|login)(?: here| now)?)?",
            r"|not (?:yet )?a (?:subscriber|member)\??[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        30,
        concat!(
            r"you(?:'ve|’ve| have) (?:read|used|reached)[^\n]*(?:free (?:articles?|stories|reads)",
            r"|(?:article|reading|monthly|free|subscriber) limit|limit of (?:[0-9]+ )?(?:free )?",
            r"(?:articles?|stories))[^\n]*",
            r"|you have (?:[0-9]+|one|two|three|four|five|no) (?:(?:free|more|remaining) )*",
            r"(?:articles?|stories|reads|gift articles)(?: left| remaining)[^\n]*",
            r"|(?:[0-9]+|one|two|three|no) (?:free )?(?:articles?|stories) (?:left|remaining)",
            r"[^\n]*|this is your (?:last|final) free (?:article|story)[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        30,
        concat!(
            r"to (?:continue|keep) reading[^\n]*,? (?:please )?(?:subscribe|log ?in|sign ?in",
            r"|register|become a (?:member|subscriber)|create (?:an|a free) account)[^\n]*",
            r"|to read (?:the full|this|the rest|more)[^\n]*,? (?:please )?(?:subscribe|log ?in",
            r"|sign ?in|register)[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        25,
        concat!(
            r"become a (?:member|subscriber|paid subscriber|patron|supporter)",
            r"(?: (?:today|now))?(?: (?:to|and|for) [^\n]*)?",
            r"|(?:start|begin) (?:your (?:free )?|a free |free )(?:trial|subscription)[^\n]*",
            r"|(?:try|get|enjoy) [0-9]+ (?:days?|weeks?|months?) (?:free|for)[^\n]*",
            r"|(?:try|get) (?:it )?(?:free|for free)(?: for [0-9]+ (?:days?|weeks?|months?))?",
            r"|cancel (?:anytime|at any time)[.!]?",
            r"|(?:unlock|get|enjoy)(?: (?:unlimited|digital|premium))+(?: (?:digital|premium))?",
            r" (?:access|articles|reading)(?: [^\n]*)?",
            r"|support (?:our|independent|quality|the guardian's|[a-z.]+['’]s)",
            r" (?:journalism|reporting)[^\n]*|support (?:us|the guardian|our work)[.!]?",
            r"|make a (?:contribution|donation)|(?:please )?(?:donate|contribute)(?: now| today)?",
            r"|give a gift subscription|upgrade to (?:paid|premium)[^\n]*"
        ),
    ),
    rule(
        PAYWALL,
        6,
        concat!(
            r"(?:premium|subscriber|subscribers|members?|plus|paid|exclusive)",
            r" (?:content|article|story|only|exclusive|feature)",
            r"|(?:subscriber|members?)[- ]only(?: content| article| story)?|premium|paywall"
        ),
    ),
    rule(
        PAYWALL,
        40,
        concat!(
            r"(?:(?:jetzt )?(?:weiterlesen|lesen sie weiter) mit [^\n]+",
            r"|dieser artikel ist (?:nur )?für (?:abonnenten|abonnentinnen|plus-leser)[^\n]*",
            r"|(?:bereits|schon) abonnent(?:in)?\??[^\n]*",
            r"|(?:cet article est |article )?réservé aux abonnés[^\n]*",
            r"|déjà abonné ?\??[^\n]*",
            r"|este (?:artículo|contenido) es (?:exclusivo )?para suscriptores[^\n]*",
            r"|¿?ya eres suscriptor\??[^\n]*|contenuto riservato agli abbonati",
            r"|questo articolo è riservato agli abbonati[^\n]*|sei già abbonato\??[^\n]*",
            r"|conteúdo exclusivo para assinantes|já é assinante\??[^\n]*",
            r"|материал доступен (?:только )?(?:по подписке|подписчикам)[^\n]*",
            r"|dit artikel is (?:alleen )?voor abonnees[^\n]*|al abonnee\??[^\n]*",
            r"|artykuł dostępny (?:tylko )?(?:dla|w) (?:prenumeratorów|subskrybentów",
            r"|subskrypcji)[^\n]*)"
        ),
    ),
    // -- author byline --------------------------------------------------------------------
    rule(
        BYLINE,
        16,
        concat!(
            r"(?:by|von|par|por|di|door|przez)(?: ?:)? ",
            names!(),
            affiliation!()
        ),
    ),
    rule(
        BYLINE,
        16,
        concat!(
            r"(?:written|words|story|text|interview|reporting|reported|compiled|edited",
            r"|produced|review|posted|published|view all posts) by(?: ?:)? ",
            names!(),
            affiliation!()
        ),
    ),
    rule(
        BYLINE,
        14,
        concat!(
            r"(?:authors?|autor|autorin|auteur|autore|autora|автор|tekst|text|texto|testo|words",
            r"|reporter|correspondent|contributing) ?: ?",
            names!(),
            affiliation!()
        ),
    ),
    rule(
        CREDITS,
        40,
        concat!(
            r"(?:additional )?(?:reporting|writing|editing|research|compiled) by",
            r" (?-i:\p{Lu})[^\n;.]*(?:; ?(?:additional )?(?:reporting|writing|editing|research",
            r"|compiled|graphics|translation|production)[^\n;.]*)*"
        ),
    ),
    rule(
        CREDITS,
        30,
        concat!(
            r"(?:(?:(?:the )?associated press|ap|reuters|afp|bloomberg|cnn|staff) )?",
            r"(?:(?:staff )?(?:writers?|reporters?|correspondents?|journalists?) )?",
            names!(),
            r"(?: (?:in|from) ",
            names!(),
            r")? contributed (?:reporting(?: from [^\n]*)?|to this (?:report|story|article))",
            end!()
        ),
    ),
    // -- copyright ------------------------------------------------------------------------
    rule(
        COPYRIGHT,
        40,
        r"[©ⓒ][^\n]*|(?:\(c\)|copyright(?: ©| \(c\))?) ?(?:(?:19|20)[0-9]{2}|©)[^\n]*",
    ),
    rule(
        COPYRIGHT,
        40,
        concat!(
            r"(?:[^\s]+(?: [^\s]+){0,3} (?:ltd|limited|inc|llc|gmbh|plc|corp|corporation)\.?,? )?",
            r"all rights reserved(?:\.(?: [^\n]*)?)?"
        ),
    ),
    rule(
        COPYRIGHT,
        30,
        concat!(
            r"(?:alle rechte vorbehalten",
            r"|tous droits(?: de reproduction)?",
            r" réservés|todos los derechos reservados|tutti i diritti riservati",
            r"|todos os direitos reservados|все права защищены|alle rechten voorbehouden",
            r"|wszelkie prawa zastrzeżone|riproduzione riservata)\.?(?: [^\n]*)?"
        ),
    ),
    rule(
        COPYRIGHT,
        40,
        concat!(
            r"(?:the )?[\p{L}.]+ (?:is|are) not responsible for the content of external",
            r" (?:internet )?(?:sites|websites|links)[^\n]*|(?:the )?(?:associated press|ap)",
            r" receives (?:financial )?support[^\n]*"
        ),
    ),
    rule(
        COPYRIGHT,
        50,
        concat!(
            r"this (?:material|article|content) may not be (?:published|reproduced|broadcast",
            r"|rewritten|redistributed|copied)[^\n]*|(?:no part of this|(?:any )?unauthori[sz]ed",
            r" (?:reproduction|redistribution|republication|copying|use)|(?:any )?(?:reproduction",
            r"|redistribution|republication|copying))[^\n]*",
            r"(?:in whole or in part|without (?:the )?(?:(?:prior|express|explicit) )*written",
            r" (?:permission|consent)|without (?:the )?(?:prior|express) (?:permission",
            r"|consent))[^\n]*"
        ),
    ),
    rule(
        COPYRIGHT,
        12,
        concat!(
            r"(?:(?:proudly )?powered by|theme by) [^\n]*[^\n.!?]",
            r"|our standards ?: ?the thomson reuters trust principles\.?|reuse this content",
            r"|published by [^\n]*(?:ltd|limited|inc|llc|plc|gmbh)\.?",
            r"|theme ?: [^\n]+ by [^\n]*"
        ),
    ),
    // -- app promo ------------------------------------------------------------------------
    rule(
        APP_PROMO,
        15,
        concat!(
            r"(?:(?:download|get|try) (?:the|our) (?:free |new |official )?app",
            end!(),
            r"|(?:download|get|install|try) (?:our (?:[\p{L}0-9.&'’-]+ )*|the ",
            r"(?:[\p{L}0-9.&'’-]+ )+)app",
            r"(?: (?:now|today|here|for free|free))?(?: (?:for|on|from|in) (?:the )?(?:ios",
            r"|android|iphone|ipad|app store|apple app store|google play(?: store)?|play store",
            r"|your phone|mobile)(?:(?: (?:and|or|&)|,) (?:the )?(?:ios|android|iphone|ipad",
            r"|app store|google play(?: store)?|play store))*)?)"
        ),
    ),
    rule(
        APP_PROMO,
        20,
        concat!(
            r"(?:available|download(?: it)?|get it) (?:on|from|in) (?:the )?(?:app store",
            r"|google play|ios|android|play store)(?:(?: (?:and|or|&)|,) (?:the )?(?:app store",
            r"|google play|ios|android|play store))*|(?:read|continue|view|open)(?: this| it)?",
            r" in (?:the |our )?app|open in app|(?:for )?(?:a )?better experience (?:in|on|with)",
            r" (?:the|our) app[^\n]*|(?:for the best experience|get the (?:best|full) experience)",
            r"[^\n]*app[^\n]*"
        ),
    ),
    rule(
        APP_PROMO,
        15,
        concat!(
            r"(?:app herunterladen|(?:jetzt )?(?:unsere|die) [^\n]*app (?:herunterladen|laden",
            r"|installieren)|laden sie (?:jetzt )?(?:unsere|die) [^\n]*app[^\n]*",
            r"|téléchargez (?:notre |l'|la nouvelle )?app(?:lication)?[^\n]*",
            r"|descarga(?:r)? (?:nuestra|la) app(?:licación)?[^\n]*",
            r"|scarica (?:la nostra |l'|la )?app[^\n]*",
            r"|baix(?:e|ar) (?:o nosso |nosso |o )?app(?:licativo)?[^\n]*",
            r"|скачайте (?:наше |мобильное )?приложение[^\n]*",
            r"|download (?:de|onze) app[^\n]*|pobierz (?:naszą )?aplikację[^\n]*)"
        ),
    ),
    // -- print / email --------------------------------------------------------------------
    rule(
        PRINT_EMAIL,
        4,
        r"print(?: (?:this )?(?:page|article|story|post|recipe))?|print(?:er)?[- ]friendly(?: version| page)?",
    ),
    rule(
        PRINT_EMAIL,
        6,
        concat!(
            r"e-?mail|mail|e-?mail (?:this )?(?:article|story|page|link|post)|e-?mail this",
            r"|(?:e-?mail|send)(?: this)?(?: article| story)? to a friend"
        ),
    ),
    rule(
        PRINT_EMAIL,
        6,
        concat!(
            r"save(?: (?:article|story|this article|for later|to my list))?|saved",
            r"|bookmark(?: (?:this|article))?|add to (?:favou?rites|reading list|my list",
            r"|bookmarks)|(?:font|text) size|a a a|a\+ a-|a- a\+|gift(?: this)? article",
            r"|give this article"
        ),
    ),
    rule(
        PRINT_EMAIL,
        6,
        concat!(
            r"(?:report|suggest) (?:an? )?(?:error|typo|correction)",
            r"|send (?:us )?(?:feedback|a tip|a correction)|feedback"
        ),
    ),
    rule(
        PRINT_EMAIL,
        4,
        concat!(
            r"(?:drucken|(?:artikel|seite) drucken|imprimer(?: (?:l'article|cette page))?",
            r"|imprimir(?: (?:artículo|noticia|página))?|stampa(?: (?:l'articolo|articolo))?",
            r"|распечатать|печать|версия для печати|afdrukken|drukuj|wydrukuj",
            r"|(?:per )?e-?mail (?:versenden|senden|teilen)|envoyer (?:par e-?mail|à un ami)",
            r"|enviar(?: por (?:e-?mail|correo))?|invia(?: per e-?mail)?|merken|speichern",
            r"|sauvegarder|guardar|salva|salvar|сохранить|opslaan|zapisz)"
        ),
    ),
    // -- tags -----------------------------------------------------------------------------
    rule(
        TAGS,
        30,
        concat!(
            r"(?:tags?|tagged(?: with| as| in)?|topics|filed under|categories|themen",
            r"|schlagwörter|schlagworte|étiquettes|mots[- ]clés|sujets|etiquetas|temas",
            r"|archivado en|argomenti|tópicos|assuntos|теги|метки|темы|тэги|trefwoorden",
            r"|onderwerpen|tagi|tematy|słowa kluczowe) ?: ?[^\n]*[^\n.]"
        ),
    ),
    rule(
        TAGS,
        15,
        concat!(
            r"(?:posted|published|filed) (?:in|under) (?-i:\p{Lu})[^\n.!?]*",
            r"|tagged (?:with |as |in )?[^\n]*[^\n.!?]|topics|categories|archivado en"
        ),
    ),
    rule(TAGS, 20, r"#[\p{L}0-9_]+(?:[ ,]+#[\p{L}0-9_]+)+"),
    // -- embedded media and script placeholders -------------------------------------------
    rule(
        EMBED,
        25,
        concat!(
            r"(?:media playback is (?:not supported|unsupported) on (?:this|your) device",
            r"|video (?:player )?is loading[^\n]*",
            r"|(?:this )?(?:video|content|media|embed|post|tweet) (?:is )?(?:not available",
            r"|unavailable|could not be (?:loaded|displayed|played)|can ?not be (?:played",
            r"|displayed|loaded)|has been removed)[^\n]*",
            r"|(?:your|this) browser does(?: not|n't|n’t) support[^\n]*",
            r"|(?:please )?(?:enable|turn on|activate) javascript[^\n]*",
            r"|(?:you need to |you must )enable javascript[^\n]*",
            r"|javascript (?:is )?(?:required|disabled|must be enabled)[^\n]*",
            r"|loading(?: video| content| comments)?|please wait|something is loading",
            r"|tap to unmute)",
            end!()
        ),
    ),
    rule(
        EMBED,
        25,
        concat!(
            r"view this post on instagram|a post shared by [^\n]+|pic\.twitter\.com/\S+",
            r"|embed from getty images",
        ),
    ),
    rule(
        EMBED_ATTRIBUTION,
        25,
        r"[^\s()]+(?: [^\s()]+){0,5} \(@[a-z0-9_]+\) [^\n]*(?:19|20)[0-9]{2}",
    ),
    rule(
        EMBED,
        6,
        concat!(
            r"(?:(?:watch|play|replay)(?: the| this)? (?:video|clip|now|again|on youtube)",
            r"|(?:click|tap) to play(?: video)?|now playing|duration:? [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?",
            r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})? ?/ ?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?",
            r"|(?:listen|listen to this (?:article|story|episode)|audio)",
            r"(?: ?:? ?[0-9]+ ?(?:min|mins|minutes)| [0-9]{1,2}:[0-9]{2})?",
            r"|videos?|gallery|photos|listen|podcast)"
        ),
    ),
    rule(
        EMBED,
        20,
        r"(?:watch|listen|video|gallery|photos|audio|in pictures|in photos) ?: [^\n]+",
    ),
    // -- reader feedback prompts ----------------------------------------------------------
    rule(
        FEEDBACK,
        10,
        concat!(
            r"(?:was this|is this|did you find this)(?: (?:article|page|story|post|content",
            r"|information|answer))? (?:helpful|useful|interesting)\??(?: (?:yes|no)){0,2}"
        ),
    ),
    rule(
        FEEDBACK,
        30,
        concat!(
            r"(?:got|have|do you have) a (?:news )?(?:story|tip|news tip|question)",
            r"(?: for us| to share)?\?[^\n]*(?:e-?mail|contact|get in touch|send|whatsapp",
            r"|write|call)[^\n]*",
            r"|(?:spotted|found|notice) (?:a|an) (?:typo|error|mistake)\??[^\n]*",
            r"|(?:contact|e-?mail|message) the (?:author|reporter|writer|newsroom|editor)s?",
            r"(?: [^\n]*)?"
        ),
    ),
    rule(
        FEEDBACK,
        40,
        concat!(
            r"(?:if you have been|have you been|were you|are you) affected by [^\n]*",
            r"(?:get in touch|contact|e-?mail|share your|tell us|support is available",
            r"|help is available)[^\n]*"
        ),
    ),
    // Last: a bare "Click here ..." link is noise whatever it points at.
    rule(
        READ_MORE,
        15,
        r"(?:click|tap|go) here(?: (?:to|for) [^\n]*)?",
    ),
];

/// Anchors a catalogue pattern to the whole text and lets decoration surround it.
fn builtin_regex(pattern: &str) -> String {
    format!("^{LEAD}(?:{pattern}){TAIL}$")
}

/// Anchors a user pattern to the whole text, exactly as written.
fn extra_regex(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

fn build_set<I>(patterns: I) -> Result<RegexSet, regex::Error>
where
    I: IntoIterator<Item = String>,
{
    RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
}

/// The compiled catalogue, built once per process: lazy DFAs over the
/// patterns, searched anchored, first with a plain search that says whether
/// any rule matches, then (rarely) overlapping to say which. This costs a
/// forward NFA only; a `RegexSet` would also build the engines it needs for
/// match positions, which this never asks for, and that doubled the start-up
/// of every `dedupe` process.
#[derive(Debug)]
struct Builtin {
    /// Every rule, for paragraphs of at most [`SHORT_BYTES`], in
    /// [`SHORT_GROUPS`] automata of consecutive rules.
    short: Vec<RuleDfa>,
    /// Only the long-form rules (banners), for longer paragraphs: most prose
    /// lands here, and a small automaton keeps its state cache small and warm.
    long: RuleDfa,
}

/// A lazy DFA over some rules of the catalogue.
#[derive(Debug)]
struct RuleDfa {
    dfa: DFA,
    /// For each pattern of `dfa`, its index in [`RULES`].
    rules: Vec<usize>,
}

/// The short-paragraph rules are compiled as this many automata, each on its
/// own thread: compiling the catalogue is most of the start-up of a
/// one-file run (about 50 ms for one automaton over every rule). Searching
/// two automata costs the same as searching one (measured with 2, 4 and 8).
const SHORT_GROUPS: usize = 2;

thread_local! {
    /// The lazy DFAs' state caches, the short groups then the long one: one
    /// set per thread, as the DFAs themselves are shared.
    static CACHES: RefCell<Vec<Cache>> = const { RefCell::new(Vec::new()) };
}

/// Compiles `rules` (indices into [`RULES`]) into one lazy DFA that reports every match.
fn build_dfa(rules: Vec<usize>) -> Result<RuleDfa, String> {
    let patterns: Vec<String> = rules
        .iter()
        .map(|&i| builtin_regex(RULES[i].pattern))
        .collect();
    let nfa = thompson::Compiler::new()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(thompson::Config::new().nfa_size_limit(Some(SIZE_LIMIT)))
        .build_many(&patterns)
        .map_err(|err| err.to_string())?;
    let dfa = DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(DFA_SIZE_LIMIT),
        )
        .build_from_nfa(nfa)
        .map_err(|err| err.to_string())?;
    Ok(RuleDfa { dfa, rules })
}

impl RuleDfa {
    /// The first of these rules, in catalogue order, that matches all of
    /// `text` within its word limit; `words` is counted on the first match.
    fn first_match(
        &self,
        cache: &mut Cache,
        text: &str,
        words: &mut Option<usize>,
    ) -> Option<usize> {
        let input = Input::new(text).anchored(Anchored::Yes);
        // Most paragraphs match no rule: a plain search says so with the
        // DFA's fast loop, and only a match pays for the overlapping one
        // that names every matching rule.
        if !matches!(self.dfa.try_search_fwd(cache, &input), Ok(Some(_))) {
            return None;
        }
        let mut best: Option<usize> = None;
        let mut state = OverlappingState::start();
        // A search error (a cache that keeps thrashing) means no verdict: keep the text.
        while self
            .dfa
            .try_search_overlapping_fwd(cache, &input, &mut state)
            .is_ok()
        {
            let Some(found) = state.get_match() else {
                break;
            };
            let index = self.rules[found.pattern().as_usize()];
            let words = *words.get_or_insert_with(|| text.split_whitespace().count());
            if words <= RULES[index].max_words && best.is_none_or(|b| index < b) {
                best = Some(index);
            }
        }
        best
    }
}

impl Builtin {
    fn get() -> &'static Self {
        static BUILTIN: OnceLock<Builtin> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The catalogue is a constant checked by the tests; failing here is a bug.
            let compile = |rules| build_dfa(rules).expect("built-in boilerplate patterns compile");
            let group_size = RULES.len().div_ceil(SHORT_GROUPS);
            let groups: Vec<std::ops::Range<usize>> = (0..RULES.len())
                .step_by(group_size)
                .map(|start| start..(start + group_size).min(RULES.len()))
                .collect();
            let long_rules: Vec<usize> = (0..RULES.len())
                .filter(|&i| RULES[i].max_words > LONG_FORM_WORDS)
                .collect();
            std::thread::scope(|scope| {
                // Each group on a thread of its own; where no thread can be
                // started, the group is compiled here when it is collected.
                let short: Vec<_> = groups
                    .into_iter()
                    .map(|rules| {
                        let own = rules.clone();
                        let on_thread = std::thread::Builder::new()
                            .spawn_scoped(scope, move || compile(own.collect()));
                        (rules, on_thread)
                    })
                    .collect();
                let long = compile(long_rules);
                Builtin {
                    short: short
                        .into_iter()
                        .map(|(rules, on_thread)| match on_thread {
                            Ok(thread) => thread
                                .join()
                                .expect("compiling a rule group does not panic"),
                            Err(_) => compile(rules.collect()),
                        })
                        .collect(),
                    long,
                }
            })
        })
    }

    /// The first rule, in catalogue order, that matches all of `text` within
    /// its word limit. Paragraphs over [`SHORT_BYTES`] only try the long-form
    /// rules (banners); over [`LONG_BYTES`], none.
    ///
    /// Words are counted only when a rule matches, which is rare: counting
    /// every paragraph cost as much as the search. A short paragraph of more
    /// than [`LONG_FORM_WORDS`] words still goes through every rule, and the
    /// word limits then leave only the long-form ones.
    fn classify(&self, text: &str) -> Option<&'static str> {
        if text.is_empty() || text.len() > LONG_BYTES {
            return None;
        }
        let mut words: Option<usize> = None;
        let best = CACHES.with(|cell| {
            let mut caches = cell.borrow_mut();
            if caches.is_empty() {
                let automata = self.short.iter().chain([&self.long]);
                caches.extend(automata.map(|automaton| automaton.dfa.create_cache()));
            }
            let (short_caches, long_cache) = caches.split_at_mut(self.short.len());
            if text.len() > SHORT_BYTES {
                return self.long.first_match(&mut long_cache[0], text, &mut words);
            }
            // The groups hold consecutive rules, so the first group with a
            // match holds the first matching rule.
            self.short
                .iter()
                .zip(short_caches)
                .find_map(|(group, cache)| group.first_match(cache, text, &mut words))
        });
        best.map(|index| RULES[index].id)
    }
}

/// The user's patterns, compiled into one set.
#[derive(Debug, Clone)]
struct Extra {
    set: RegexSet,
    /// The rule id of each pattern of `set`.
    rules: Vec<String>,
}

/// One boilerplate rule set: the built-in catalogue plus user patterns.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    extra: Option<Extra>,
}

/// A user-supplied pattern from the config file: `rule` is its rule id (e.g.
/// `boilerplate/site-footer` or `custom/xyz`), `pattern` a regex that must match the whole
/// paragraph (it is anchored with `^(?:...)$` and made case-insensitive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraPattern {
    /// The rule id reported when the pattern matches.
    pub rule: String,
    /// The regex, without anchors: it always has to match the whole paragraph.
    pub pattern: String,
}

impl Boilerplate {
    /// The built-in catalogue only. It is compiled once per process, on the
    /// first classification (or [`compile_builtin`](Self::compile_builtin)),
    /// and shared afterwards, so this is cheap to call repeatedly.
    #[must_use]
    pub fn builtin() -> Self {
        Boilerplate { extra: None }
    }

    /// Compiles the built-in catalogue now, if no thread has yet. It takes
    /// tens of milliseconds, so a program can call this on another thread
    /// while it does work that needs no classification (walking folders,
    /// counting a corpus); a classification that comes first waits for it.
    pub fn compile_builtin() {
        Builtin::get();
    }

    /// Built-in catalogue plus extra patterns, tried after the built-in ones and in the order
    /// given.
    ///
    /// # Errors
    ///
    /// An invalid pattern (or an empty rule id): the message names the rule id and the regex
    /// error, for the config loader to report.
    pub fn with_extra(extra: &[ExtraPattern]) -> Result<Self, String> {
        let mut boilerplate = Self::builtin();
        if extra.is_empty() {
            return Ok(boilerplate);
        }
        for ExtraPattern { rule, pattern } in extra {
            if rule.trim().is_empty() {
                return Err(format!("pattern {pattern:?} has an empty rule id"));
            }
            // Compiled one by one, as the user wrote it, so the error names the
            // rule and quotes their pattern (not the anchored form below).
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .size_limit(SIZE_LIMIT)
                .build()
                .map_err(|err| format!("invalid pattern for rule `{rule}`: {err}"))?;
        }
        let set = build_set(extra.iter().map(|e| extra_regex(&e.pattern)))
            .map_err(|err| format!("extra boilerplate patterns: {err}"))?;
        boilerplate.extra = Some(Extra {
            set,
            rules: extra.iter().map(|e| e.rule.clone()).collect(),
        });
        Ok(boilerplate)
    }

    /// The rule id of the first rule (in catalogue order, built-in before extra) that matches
    /// the whole paragraph, or None. A multi-line block that no rule matches as a whole is
    /// boilerplate only when every line is; it is then reported under its first line's rule.
    pub fn classify(&self, paragraph: &str) -> Option<&str> {
        let paragraph = paragraph.trim();
        if let Some(rule) = self.classify_text(paragraph) {
            return Some(rule);
        }
        if !paragraph.contains('\n') {
            return None;
        }
        let mut lines = paragraph.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = self.classify_text(lines.next()?)?;
        lines
            .all(|line| self.classify_text(line).is_some())
            .then_some(first)
    }

    /// Every rule id the set knows, in catalogue order, deduplicated (for --help / docs /
    /// config validation).
    pub fn rule_ids(&self) -> Vec<&str> {
        let extra = self.extra.iter().flat_map(|e| e.rules.iter());
        let mut ids: Vec<&str> = Vec::new();
        for id in RULES.iter().map(|r| r.id).chain(extra.map(String::as_str)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    fn classify_text(&self, text: &str) -> Option<&str> {
        if text.is_empty() {
            return None;
        }
        if let Some(rule) = Builtin::get().classify(text) {
            return Some(rule);
        }
        let extra = self.extra.as_ref()?;
        let index = extra.set.matches(text).iter().next()?;
        Some(&extra.rules[index])
    }
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Boilerplate paragraphs and the rule that must name them.
    const POSITIVE: &[(&str, &str)] = &[
        // read-more
        (READ_MORE, ">> Continue reading"),
        (READ_MORE, "Click here"),
        (READ_MORE, "Click here to read more"),
        (READ_MORE, "Click here to subscribe"),
        (READ_MORE, "Continue Reading →"),
        (READ_MORE, "Continue reading below"),
        (READ_MORE, "Continue reading the main story"),
        (READ_MORE, "Continue reading..."),
        (READ_MORE, "Czytaj więcej"),
        (READ_MORE, "En savoir plus"),
        (READ_MORE, "Find out more"),
        (READ_MORE, "Full story at Reuters"),
        (READ_MORE, "Keep reading"),
        (READ_MORE, "Learn more"),
        (READ_MORE, "Leer más"),
        (READ_MORE, "Lees meer"),
        (READ_MORE, "Leia mais"),
        (READ_MORE, "Lire la suite"),
        (READ_MORE, "Mehr lesen"),
        (READ_MORE, "Originally published at medium.com"),
        (READ_MORE, "READ MORE - Labour demands answers"),
        (
            READ_MORE,
            "READ MORE: Amber Rudd faces calls to resign over Windrush scandal",
        ),
        (READ_MORE, "Read More"),
        (READ_MORE, "Read more at DailyMail.co.uk"),
        (READ_MORE, "Read more on BBC News"),
        (READ_MORE, "Read more »"),
        (READ_MORE, "Read more: The Windrush generation explained"),
        (READ_MORE, "Read the full article here"),
        (READ_MORE, "Read the full story"),
        (READ_MORE, "Read the original article on Business Insider"),
        (READ_MORE, "Seguir leyendo"),
        (READ_MORE, "Tap here for more"),
        (
            READ_MORE,
            "This article was originally published on The Conversation. Read the original article.",
        ),
        (READ_MORE, "Via The Guardian"),
        (READ_MORE, "Weiterlesen"),
        (READ_MORE, "[Read more]"),
        (READ_MORE, "Подробнее"),
        (READ_MORE, "Читать далее"),
        (
            READ_MORE,
            "A version of this article appears in print on April 21, 2018, Section A, Page 1 of the New York edition with the headline: Rudd Resigns.",
        ),
        (READ_MORE, "Continue reading “Why we left”"),
        (
            READ_MORE,
            "Read more about our approach to external linking.",
        ),
        (READ_MORE, "Más información"),
        // share
        (SHARE, "1.2k shares"),
        (SHARE, "Artikel teilen"),
        (SHARE, "Auf Facebook teilen"),
        (SHARE, "Op WhatsApp delen"),
        (SHARE, "Click to share on Twitter (Opens in new window)"),
        (SHARE, "Compartir"),
        (SHARE, "Condividi"),
        (SHARE, "Copy link"),
        (SHARE, "Delen"),
        (SHARE, "Facebook"),
        (SHARE, "Facebook Twitter Email"),
        (SHARE, "Facebook Twitter LinkedIn Email"),
        (SHARE, "Facebook Twitter Pinterest WhatsApp Email Print"),
        (SHARE, "Like Loading..."),
        (SHARE, "Like this:"),
        (SHARE, "Partager"),
        (SHARE, "Partager sur Facebook"),
        (SHARE, "SHARE"),
        (SHARE, "Share"),
        (SHARE, "Share Tweet Pin Email"),
        (SHARE, "Share on Facebook"),
        (SHARE, "Share on WhatsApp"),
        (SHARE, "Share on X"),
        (SHARE, "Share or comment on this article:"),
        (SHARE, "Share this"),
        (SHARE, "Share this article"),
        (SHARE, "Share this story"),
        (SHARE, "Share this:"),
        (SHARE, "Share via"),
        (SHARE, "Share:"),
        (SHARE, "Teilen"),
        (SHARE, "Tweet"),
        (SHARE, "Twitter"),
        (SHARE, "Udostępnij"),
        (SHARE, "WhatsApp"),
        (SHARE, "Поделиться"),
        (SHARE, "Share full article"),
        (SHARE, "Reblog"),
        (SHARE, "(opens in new tab)"),
        // advertisement
        (ADVERTISEMENT, "This post may contain affiliate links."),
        (
            ADVERTISEMENT,
            "Disclosure: this article contains affiliate links, which support our work.",
        ),
        (
            ADVERTISEMENT,
            "As an Amazon Associate I earn from qualifying purchases.",
        ),
        (ADVERTISEMENT, "- Advertisement -"),
        (ADVERTISEMENT, "ADVERTISEMENT"),
        (ADVERTISEMENT, "ADVERTISEMENT - SCROLL TO CONTINUE"),
        (ADVERTISEMENT, "Ad Feedback"),
        (ADVERTISEMENT, "Advertentie"),
        (ADVERTISEMENT, "Advertisement"),
        (ADVERTISEMENT, "Anzeige"),
        (ADVERTISEMENT, "Article continues below advertisement"),
        (ADVERTISEMENT, "Continua após a publicidade"),
        (ADVERTISEMENT, "La suite après cette publicité"),
        (ADVERTISEMENT, "Paid Content"),
        (ADVERTISEMENT, "Promoted"),
        (ADVERTISEMENT, "Pubblicità"),
        (ADVERTISEMENT, "Publicidad"),
        (ADVERTISEMENT, "Publicidade"),
        (ADVERTISEMENT, "Publicité"),
        (ADVERTISEMENT, "Reklama"),
        (ADVERTISEMENT, "Scroll to continue with content"),
        (ADVERTISEMENT, "Sponsored"),
        (ADVERTISEMENT, "Sponsored Content"),
        (ADVERTISEMENT, "Sponsored by Acme Bank"),
        (ADVERTISEMENT, "Story continues"),
        (ADVERTISEMENT, "Story continues below advertisement"),
        (ADVERTISEMENT, "Weiter nach der Anzeige"),
        (ADVERTISEMENT, "Werbung"),
        (ADVERTISEMENT, "Реклама"),
        (ADVERTISEMENT, "Video Ad Feedback"),
        // newsletter
        (NEWSLETTER, "Your email address Sign up"),
        (NEWSLETTER, "Email: Subscribe"),
        (
            NEWSLETTER,
            "Enter your email address to get our best stories every week.",
        ),
        (
            NEWSLETTER,
            "Get the Evening Courier delivered to your door. Subscribe today",
        ),
        (NEWSLETTER, "Abonnez-vous à notre newsletter"),
        (
            NEWSLETTER,
            "By signing up, you agree to our Terms of Use and Privacy Policy.",
        ),
        (NEWSLETTER, "Email address"),
        (NEWSLETTER, "Enter your email address"),
        (NEWSLETTER, "Get our free newsletter"),
        (NEWSLETTER, "Get the latest news delivered to your inbox"),
        (NEWSLETTER, "Iscriviti alla newsletter"),
        (
            NEWSLETTER,
            "Never miss a story. Sign up for our newsletter.",
        ),
        (NEWSLETTER, "Newsletter"),
        (NEWSLETTER, "Newsletter abonnieren"),
        (NEWSLETTER, "Register"),
        (NEWSLETTER, "Schrijf je in voor onze nieuwsbrief"),
        (NEWSLETTER, "Sign up"),
        (NEWSLETTER, "Sign up for our newsletter"),
        (
            NEWSLETTER,
            "Sign up for the Morning Briefing and get the top stories in your inbox.",
        ),
        (NEWSLETTER, "Sign up now"),
        (
            NEWSLETTER,
            "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
        ),
        (NEWSLETTER, "Sign up to our daily newsletter"),
        (NEWSLETTER, "Stay informed with our daily newsletter"),
        (NEWSLETTER, "Subscribe"),
        (NEWSLETTER, "Subscribe to our newsletter"),
        (NEWSLETTER, "Suscríbete a nuestro boletín"),
        (NEWSLETTER, "Thank you for subscribing!"),
        (
            NEWSLETTER,
            "The best stories, delivered to your inbox every morning",
        ),
        (NEWSLETTER, "Unsubscribe at any time."),
        (
            NEWSLETTER,
            "Want more stories like this? Sign up for our newsletter",
        ),
        (NEWSLETTER, "You're signed up"),
        (NEWSLETTER, "Your email"),
        (NEWSLETTER, "Zapisz się do newslettera"),
        (NEWSLETTER, "Подпишитесь на нашу рассылку"),
        (NEWSLETTER, "Sign up to Business Today"),
        (NEWSLETTER, "Free daily newsletter"),
        (
            NEWSLETTER,
            "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties. For more information see our Privacy Policy. We use Google reCaptcha to protect our website and the Google Privacy Policy and Terms of Service apply.",
        ),
        // cookie
        (COOKIE, "Accept All"),
        (COOKIE, "Accept all cookies"),
        (COOKIE, "Accept and close"),
        (COOKIE, "Accetta tutti"),
        (COOKIE, "Aceptar todas"),
        (COOKIE, "Alle akzeptieren"),
        (
            COOKIE,
            "By continuing to use this site you agree to our use of cookies.",
        ),
        (COOKIE, "Cookie Policy"),
        (COOKIE, "Cookie settings"),
        (COOKIE, "Deze website maakt gebruik van cookies."),
        (COOKIE, "Do Not Sell My Personal Information"),
        (COOKIE, "Manage preferences"),
        (
            COOKIE,
            "Nous utilisons des cookies pour améliorer votre expérience.",
        ),
        (COOKIE, "Privacy Policy"),
        (COOKIE, "Privacy settings"),
        (
            COOKIE,
            "Questo sito utilizza cookie tecnici e di profilazione.",
        ),
        (COOKIE, "Reject All"),
        (COOKIE, "Ta strona używa plików cookies."),
        (
            COOKIE,
            "This website uses cookies to ensure you get the best experience on our website.",
        ),
        (COOKIE, "Tout accepter"),
        (
            COOKIE,
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        ),
        (
            COOKIE,
            "We and our partners use cookies to personalise content and ads, to provide social media features and to analyse our traffic.",
        ),
        (
            COOKIE,
            "We use cookies to improve your experience on our site.",
        ),
        (COOKIE, "We value your privacy"),
        (
            COOKIE,
            "Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten.",
        ),
        (
            COOKIE,
            "Этот сайт использует файлы cookies для улучшения работы.",
        ),
        // timestamp
        (TIMESTAMP, "March 3, 2021 / 9:15 am"),
        (TIMESTAMP, "2018-04-21T10:32:00Z"),
        (TIMESTAMP, "21 April 2018"),
        (TIMESTAMP, "21 kwietnia 2018"),
        (TIMESTAMP, "21 апреля 2018 г."),
        (TIMESTAMP, "21.04.2018 14:32"),
        (TIMESTAMP, "2h ago"),
        (TIMESTAMP, "3 hours ago"),
        (TIMESTAMP, "3 minute read"),
        (TIMESTAMP, "4 min read"),
        (TIMESTAMP, "5 min read"),
        (TIMESTAMP, "Aggiornato il 21 aprile 2018"),
        (TIMESTAMP, "Apr 21, 2018, 10:32 AM"),
        (TIMESTAMP, "April 21, 2018"),
        (TIMESTAMP, "First published on Sat 21 Apr 2018 10.32 BST"),
        (TIMESTAMP, "Gepubliceerd op 21 april 2018"),
        (TIMESTAMP, "Jan 3, 2020 · 5 min read"),
        (TIMESTAMP, "Last modified on Sat 21 Apr 2018 11.00 BST"),
        (TIMESTAMP, "Last updated 3 hours ago"),
        (TIMESTAMP, "Lesezeit: 3 Min."),
        (TIMESTAMP, "Mis à jour le 21 avril 2018 à 14h32"),
        (TIMESTAMP, "Monday 21 April 2018"),
        (TIMESTAMP, "Posted on 21st April 2018"),
        (TIMESTAMP, "Posted on July 20, 2016 by admin"),
        (TIMESTAMP, "Publicado el 21 de abril de 2018"),
        (TIMESTAMP, "Published 3 hours ago"),
        (
            TIMESTAMP,
            "Published: 10:32 BST, 21 April 2018 | Updated: 11:49 BST, 21 April 2018",
        ),
        (TIMESTAMP, "Publié le 21/04/2018 à 14h32"),
        (TIMESTAMP, "Reading time: 4 minutes"),
        (TIMESTAMP, "Sat 21 Apr 2018 10.32 BST"),
        (TIMESTAMP, "Saturday, April 21, 2018 10:32 AM"),
        (TIMESTAMP, "Stand: 21.04.2018 14:32 Uhr"),
        (TIMESTAMP, "Updated 10:32 AM ET, Sat April 21, 2018"),
        (TIMESTAMP, "Updated 2019-11-04"),
        (TIMESTAMP, "Updated: April 21, 2018 at 10:32 am"),
        (TIMESTAMP, "Veröffentlicht am 21.04.2018"),
        (TIMESTAMP, "Yesterday at 10:32"),
        (TIMESTAMP, "Posted by Jane Doe on April 21, 2018"),
        (TIMESTAMP, "Written by admin on 21/04/2018 at 10:32"),
        (TIMESTAMP, "hace 5 minutos"),
        (TIMESTAMP, "il y a 2 heures"),
        (TIMESTAMP, "vor 3 Stunden"),
        (TIMESTAMP, "Опубликовано 21 апреля 2018, 14:32"),
        (TIMESTAMP, "Lecture 3 min."),
        (TIMESTAMP, "Published"),
        (TIMESTAMP, "Updated"),
        // social-follow
        (SOCIAL_FOLLOW, "Find us on Instagram"),
        (SOCIAL_FOLLOW, "Folgen Sie uns auf Facebook"),
        (SOCIAL_FOLLOW, "Follow @BBCBreaking"),
        (
            SOCIAL_FOLLOW,
            "Follow BBC Yorkshire on Facebook, on Twitter @BBCYorkshire and on Instagram.",
        ),
        (SOCIAL_FOLLOW, "Follow Jane Doe on Twitter"),
        (SOCIAL_FOLLOW, "Follow me on Twitter @janedoe"),
        (SOCIAL_FOLLOW, "Follow us"),
        (SOCIAL_FOLLOW, "Follow us on Facebook"),
        (SOCIAL_FOLLOW, "Follow us on Twitter"),
        (
            SOCIAL_FOLLOW,
            "Follow us on Twitter, Facebook and Instagram",
        ),
        (SOCIAL_FOLLOW, "Join our Telegram channel"),
        (SOCIAL_FOLLOW, "Join us on Telegram"),
        (SOCIAL_FOLLOW, "Like us on Facebook"),
        (SOCIAL_FOLLOW, "Obserwuj nas na Facebooku"),
        (SOCIAL_FOLLOW, "Seguici su Facebook"),
        (SOCIAL_FOLLOW, "Siga-nos no Instagram"),
        (SOCIAL_FOLLOW, "Subscribe to our YouTube channel"),
        (SOCIAL_FOLLOW, "Suivez-nous sur Twitter"),
        (SOCIAL_FOLLOW, "Síguenos en Twitter"),
        (SOCIAL_FOLLOW, "Twitter: @janedoe"),
        (SOCIAL_FOLLOW, "Volg ons op Twitter"),
        (SOCIAL_FOLLOW, "Подписывайтесь на наш Telegram-канал"),
        (
            SOCIAL_FOLLOW,
            "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
        ),
        (SOCIAL_FOLLOW, "Follow"),
        (SOCIAL_FOLLOW, "Jane Doe · Follow"),
        (
            SOCIAL_FOLLOW,
            "Follow me on Twitter or LinkedIn. Check out my website or some of my other work here.",
        ),
        (
            SOCIAL_FOLLOW,
            "Follow Jane Doe on Twitter at https://twitter.com/janedoe",
        ),
        (SOCIAL_FOLLOW, "Siga o g1 no Instagram"),
        (SOCIAL_FOLLOW, "Подписывайтесь на «Ленту» в Telegram"),
        // related
        (RELATED, "Also read: Windrush scandal explained"),
        (RELATED, "Czytaj też"),
        (RELATED, "Das könnte Sie auch interessieren"),
        (RELATED, "Don't miss"),
        (RELATED, "Editor's picks"),
        (RELATED, "ICYMI: The Windrush scandal explained"),
        (RELATED, "In case you missed it"),
        (RELATED, "Latest news"),
        (RELATED, "Lees ook"),
        (RELATED, "Leggi anche"),
        (RELATED, "Leggi anche: Il governo cade"),
        (RELATED, "Lesen Sie auch: Die Regierung wankt"),
        (RELATED, "Lire aussi : La réforme des retraites"),
        (RELATED, "Mehr zum Thema"),
        (RELATED, "More from Reuters"),
        (RELATED, "More from this author"),
        (RELATED, "More like this"),
        (RELATED, "More on this story"),
        (RELATED, "More stories"),
        (RELATED, "Most Read"),
        (RELATED, "Most popular"),
        (RELATED, "Most viewed"),
        (RELATED, "Noticias relacionadas"),
        (RELATED, "RELATED ARTICLES"),
        (RELATED, "Read next"),
        (RELATED, "Recommended"),
        (RELATED, "Recommended for you"),
        (RELATED, "Related"),
        (RELATED, "Related Posts:"),
        (RELATED, "Related Stories"),
        (RELATED, "Related articles"),
        (RELATED, "Related: Windrush scandal explained"),
        (RELATED, "See also"),
        (RELATED, "Te puede interesar"),
        (RELATED, "Top Stories"),
        (RELATED, "Trending now"),
        (RELATED, "Up next"),
        (RELATED, "Veja também"),
        (RELATED, "You may also be interested in"),
        (RELATED, "You may also like"),
        (RELATED, "You might also like"),
        (RELATED, "À lire aussi"),
        (RELATED, "Читайте также"),
        (RELATED, "Most watched News videos"),
        (RELATED, "Most Read in Politics"),
        (RELATED, "Related Topics"),
        (RELATED, "Story highlights"),
        (RELATED, "Recent Posts"),
        (RELATED, "Recent Comments"),
        // comments
        (COMMENTS, "1 comment"),
        (COMMENTS, "12 Kommentare"),
        (COMMENTS, "12 comments"),
        (COMMENTS, "15 Comments"),
        (COMMENTS, "Add a comment"),
        (COMMENTS, "Be the first to comment"),
        (COMMENTS, "Comentarios"),
        (COMMENTS, "Commentaires"),
        (COMMENTS, "Commenti"),
        (COMMENTS, "Commenting has been disabled for this article."),
        (COMMENTS, "Comments"),
        (COMMENTS, "Comments (12)"),
        (COMMENTS, "Comments are closed"),
        (COMMENTS, "Comments are closed."),
        (COMMENTS, "Deja un comentario"),
        (COMMENTS, "Have your say"),
        (COMMENTS, "Join the conversation"),
        (COMMENTS, "Join the discussion"),
        (COMMENTS, "Komentarze"),
        (COMMENTS, "Kommentare"),
        (COMMENTS, "Laisser un commentaire"),
        (COMMENTS, "Leave a Reply"),
        (COMMENTS, "Leave a Reply Cancel reply"),
        (COMMENTS, "Leave a comment"),
        (COMMENTS, "Log in to comment"),
        (COMMENTS, "No comments"),
        (COMMENTS, "Post a comment"),
        (COMMENTS, "Reacties"),
        (COMMENTS, "Reply"),
        (COMMENTS, "Share your thoughts"),
        (COMMENTS, "Show comments"),
        (COMMENTS, "View all 12 comments"),
        (COMMENTS, "View comments"),
        (COMMENTS, "You must be logged in to post a comment."),
        (
            COMMENTS,
            "Your email address will not be published. Required fields are marked *",
        ),
        (COMMENTS, "Комментарии"),
        (
            COMMENTS,
            "Sign in or create your Guardian account to join the discussion",
        ),
        (
            COMMENTS,
            "This discussion is now closed for comments but you can still sign in or create your Guardian account to join the discussion next time",
        ),
        (COMMENTS, "Showing 25 of 108 comments"),
        (COMMENTS, "Read 123 comments"),
        // image-credit
        (IMAGE_CREDIT, "(Credit: AP)"),
        (IMAGE_CREDIT, "(Photo: Getty Images)"),
        (IMAGE_CREDIT, "AFP"),
        (IMAGE_CREDIT, "AFP via Getty Images"),
        (IMAGE_CREDIT, "AP Photo/Evan Vucci"),
        (IMAGE_CREDIT, "Bild: Getty Images"),
        (IMAGE_CREDIT, "Courtesy of the artist"),
        (IMAGE_CREDIT, "Credit: Jane Doe/The New York Times"),
        (IMAGE_CREDIT, "Fot. PAP"),
        (IMAGE_CREDIT, "Foto: ANSA"),
        (IMAGE_CREDIT, "Foto: dpa"),
        (IMAGE_CREDIT, "Getty Images"),
        (IMAGE_CREDIT, "Getty Images/iStockphoto"),
        (
            IMAGE_CREDIT,
            "Image caption The protesters gathered outside parliament on Tuesday",
        ),
        (IMAGE_CREDIT, "Image copyright Reuters"),
        (IMAGE_CREDIT, "Image credit: Getty Images"),
        (IMAGE_CREDIT, "Image source, Getty Images"),
        (IMAGE_CREDIT, "Image: Getty"),
        (IMAGE_CREDIT, "Photo AFP"),
        (IMAGE_CREDIT, "Photo by Jane Doe on Unsplash"),
        (IMAGE_CREDIT, "Photo credit: Jane Doe"),
        (IMAGE_CREDIT, "Photo: Getty Images"),
        (IMAGE_CREDIT, "Photo: Jane Doe/AP"),
        (IMAGE_CREDIT, "Photo: Reuters"),
        (IMAGE_CREDIT, "Photograph: Jane Doe for the Guardian"),
        (IMAGE_CREDIT, "Photograph: Jane Doe/Getty Images"),
        (IMAGE_CREDIT, "Picture: Alamy"),
        (IMAGE_CREDIT, "Picture: PA"),
        (IMAGE_CREDIT, "Reuters"),
        (IMAGE_CREDIT, "Reuters/Toby Melville"),
        (IMAGE_CREDIT, "Shutterstock"),
        (IMAGE_CREDIT, "Source: Getty"),
        (IMAGE_CREDIT, "dpa/AFP"),
        (IMAGE_CREDIT, "© Getty Images"),
        (IMAGE_CREDIT, "Фото: РИА Новости"),
        (IMAGE_CREDIT, "Source: CNN"),
        (
            IMAGE_CREDIT,
            "FILE PHOTO: A man walks past a branch of the bank in London, Britain, April 21, 2018.",
        ),
        (IMAGE_CREDIT, "Credit...Jane Doe for The New York Times"),
        (IMAGE_CREDIT, "Reuters/Jane Doe"),
        // navigation
        (NAVIGATION, "Previous Next"),
        (NAVIGATION, "Previous article Next article"),
        (NAVIGATION, "Older posts Newer posts"),
        (NAVIGATION, "1 2 3 4 5 Next"),
        (NAVIGATION, "1 of 12"),
        (NAVIGATION, "About us"),
        (NAVIGATION, "Accueil > Politique"),
        (NAVIGATION, "Back to Top"),
        (NAVIGATION, "Back to top"),
        (NAVIGATION, "Click to expand"),
        (NAVIGATION, "Close"),
        (NAVIGATION, "Contact us"),
        (NAVIGATION, "Home"),
        (NAVIGATION, "Home / News / World"),
        (NAVIGATION, "Home > News > Politics"),
        (NAVIGATION, "Home > Politics > UK"),
        (NAVIGATION, "Home » News » Business"),
        (NAVIGATION, "Load more"),
        (NAVIGATION, "Log in"),
        (NAVIGATION, "Menu"),
        (NAVIGATION, "News > World > Europe"),
        (NAVIGATION, "News | Sport | Weather | Travel"),
        (NAVIGATION, "Next"),
        (NAVIGATION, "Next Post"),
        (NAVIGATION, "Next article"),
        (NAVIGATION, "Next article: Rudd resigns"),
        (NAVIGATION, "Page 2 of 5"),
        (NAVIGATION, "Previous"),
        (NAVIGATION, "Previous Post"),
        (NAVIGATION, "Previous article"),
        (NAVIGATION, "Scroll down for video"),
        (NAVIGATION, "Search"),
        (NAVIGATION, "Show more"),
        (NAVIGATION, "Sign in"),
        (NAVIGATION, "Skip to content"),
        (NAVIGATION, "Skip to main content"),
        (NAVIGATION, "Skip to main navigation"),
        (NAVIGATION, "Startseite » Politik » Deutschland"),
        (NAVIGATION, "Terms of Use"),
        (NAVIGATION, "World | Politics | Business | Tech"),
        (NAVIGATION, "« Previous 1 2 3 Next »"),
        (NAVIGATION, "Order Reprints | Today’s Paper | Subscribe"),
        (NAVIGATION, "Post navigation"),
        (NAVIGATION, "Archives"),
        (NAVIGATION, "View all posts by Jane Doe"),
        (NAVIGATION, "See all from Jane Doe"),
        (NAVIGATION, "Privacy ∙ Terms ∙ Collection notice"),
        (NAVIGATION, "Reprints & Permissions"),
        (NAVIGATION, "Buy Photo"),
        // subscribe-paywall
        (PAYWALL, "Already a subscriber?"),
        (PAYWALL, "Already a subscriber? Log in"),
        (PAYWALL, "Already have an account? Sign in"),
        (PAYWALL, "Become a member"),
        (PAYWALL, "Déjà abonné ? Se connecter"),
        (PAYWALL, "Get unlimited access"),
        (PAYWALL, "Member-only story"),
        (PAYWALL, "Premium"),
        (PAYWALL, "Réservé aux abonnés"),
        (PAYWALL, "Sign in to continue reading"),
        (PAYWALL, "Start your free trial"),
        (PAYWALL, "Subscribe now to continue reading"),
        (PAYWALL, "Subscribe to continue reading"),
        (PAYWALL, "Subscribe to read"),
        (PAYWALL, "Subscribe to read the full article"),
        (PAYWALL, "Subscriber only"),
        (PAYWALL, "Support independent journalism"),
        (PAYWALL, "This article is for subscribers only"),
        (PAYWALL, "This article is only available to subscribers."),
        (PAYWALL, "This content is for subscribers only."),
        (PAYWALL, "To continue reading, please subscribe."),
        (PAYWALL, "You have 2 free articles left this month."),
        (PAYWALL, "You have 3 free articles remaining this month"),
        (PAYWALL, "You've reached your limit of free articles."),
        (PAYWALL, "¿Ya eres suscriptor? Inicia sesión"),
        (PAYWALL, "Already a paid subscriber? Sign in"),
        (PAYWALL, "Upgrade to paid"),
        (PAYWALL, "Give a gift subscription"),
        // author-byline
        (
            CREDITS,
            "(Additional reporting by Jane Doe in London; Editing by John Roe)",
        ),
        (
            CREDITS,
            "Associated Press writer Jane Doe in London contributed to this report.",
        ),
        (BYLINE, "Author: Jane Doe"),
        (BYLINE, "BY JANE DOE"),
        (BYLINE, "By Associated Press"),
        (BYLINE, "By J. K. Rowling"),
        (BYLINE, "By JANE DOE and JOHN ROE"),
        (BYLINE, "By Jane Doe"),
        (BYLINE, "By Jane Doe For Mailonline"),
        (BYLINE, "By Jane Doe and John Roe"),
        (BYLINE, "By Jane Doe | CNN"),
        (BYLINE, "By Jane Doe | For Dailymail.com"),
        (BYLINE, "By Jane Doe, Political Editor"),
        (BYLINE, "By Jane Doe, Reuters"),
        (BYLINE, "By Jane van der Berg"),
        (BYLINE, "By Reuters"),
        (BYLINE, "Contributing: Jane Doe, USA TODAY"),
        (BYLINE, "Di Mario Rossi"),
        (BYLINE, "Par Jean Dupont"),
        (BYLINE, "Por Juan Pérez"),
        (CREDITS, "Reporting by Jane Doe; Editing by John Roe"),
        (BYLINE, "Von Max Mustermann"),
        (BYLINE, "Words by Jane Doe"),
        (BYLINE, "Written by Jane Doe"),
        (CREDITS, "Jane Doe contributed reporting."),
        (CREDITS, "Jane Doe contributed reporting from London."),
        (BYLINE, "Published by Jane Doe"),
        (BYLINE, "Posted by: Jane Doe"),
        // copyright
        (COPYRIGHT, "(c) 2019 Acme"),
        (COPYRIGHT, "Acme Ltd. All rights reserved."),
        (COPYRIGHT, "All rights reserved"),
        (COPYRIGHT, "Alle Rechte vorbehalten."),
        (
            COPYRIGHT,
            "This material may not be published, broadcast, rewritten or redistributed.",
        ),
        (
            COPYRIGHT,
            "No part of this publication may be reproduced without the prior written permission of the publisher.",
        ),
        (
            COPYRIGHT,
            "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        ),
        (
            COPYRIGHT,
            "Copyright 2020 NPR. To see more, visit https://www.npr.org.",
        ),
        (COPYRIGHT, "Copyright © 2019 Acme"),
        (COPYRIGHT, "Powered by WordPress"),
        (COPYRIGHT, "Proudly powered by WordPress"),
        (COPYRIGHT, "Riproduzione riservata"),
        (COPYRIGHT, "Todos los derechos reservados"),
        (COPYRIGHT, "Tous droits réservés"),
        (COPYRIGHT, "© 2019 Company. All rights reserved."),
        (
            COPYRIGHT,
            "© 2019 Guardian News & Media Limited or its affiliated companies. All rights reserved.",
        ),
        (COPYRIGHT, "© Copyright 2019 Acme Inc."),
        (COPYRIGHT, "© dpa-infocom, dpa:230412-99-123456/2"),
        (COPYRIGHT, "Theme: Twenty Seventeen by WordPress."),
        (
            COPYRIGHT,
            "The Associated Press receives support from the Walton Family Foundation for coverage of water and environmental policy.",
        ),
        (
            COPYRIGHT,
            "The BBC is not responsible for the content of external sites.",
        ),
        // app-promo
        (APP_PROMO, "App herunterladen"),
        (APP_PROMO, "Available on the App Store"),
        (APP_PROMO, "Download on the App Store"),
        (APP_PROMO, "Download our app"),
        (APP_PROMO, "Download our free app"),
        (APP_PROMO, "Download the app"),
        (APP_PROMO, "Get it on Google Play"),
        (APP_PROMO, "Get our app for iOS and Android"),
        (APP_PROMO, "Get the BBC News app"),
        (APP_PROMO, "Get the app"),
        (APP_PROMO, "Open in app"),
        (APP_PROMO, "Read this in the app"),
        (APP_PROMO, "Téléchargez notre application"),
        // print-email
        (PRINT_EMAIL, "Bookmark"),
        (PRINT_EMAIL, "Drucken"),
        (PRINT_EMAIL, "Email"),
        (PRINT_EMAIL, "Email this"),
        (PRINT_EMAIL, "Email this article"),
        (PRINT_EMAIL, "Email to a friend"),
        (PRINT_EMAIL, "Gift this article"),
        (PRINT_EMAIL, "Report an error"),
        (PRINT_EMAIL, "Send us a tip"),
        (PRINT_EMAIL, "Feedback"),
        (PRINT_EMAIL, "Imprimer"),
        (PRINT_EMAIL, "Imprimir"),
        (PRINT_EMAIL, "Print"),
        (PRINT_EMAIL, "Print article"),
        (PRINT_EMAIL, "Print this page"),
        (PRINT_EMAIL, "Printer-friendly version"),
        (PRINT_EMAIL, "Save"),
        (PRINT_EMAIL, "Save for later"),
        (PRINT_EMAIL, "Stampa"),
        (PRINT_EMAIL, "Распечатать"),
        // tags
        (TAGS, "#politics #brexit"),
        (TAGS, "Categories: News"),
        (TAGS, "Etiquetas: política"),
        (TAGS, "Filed under: News"),
        (TAGS, "Filed under: Politics"),
        (TAGS, "Mots-clés : politique"),
        (TAGS, "Posted in News, Politics"),
        (TAGS, "Tagged: politics, brexit"),
        (TAGS, "Tags: Politics, Brexit"),
        (TAGS, "Tags: politics, brexit, windrush"),
        (TAGS, "Themen: Politik, Brexit"),
        (TAGS, "Topics: Brexit, Immigration"),
        (TAGS, "Topics: Immigration"),
        (TAGS, "Теги: политика"),
        (TAGS, "Topics"),
        (TAGS, "Tagged politics, brexit"),
        (TAGS, "Published in Towards Data Science"),
        // embed
        (EMBED, "0:00 / 2:35"),
        (
            EMBED,
            "A post shared by Jane Doe (@janedoe) on Apr 21, 2018 at 10:32am PDT",
        ),
        (EMBED, "Embed from Getty Images"),
        (EMBED, "JavaScript is disabled in your browser."),
        (EMBED, "Listen to this article"),
        (EMBED, "Listen to this article 5 min"),
        (EMBED, "Loading..."),
        (EMBED, "Media playback is unsupported on your device"),
        (EMBED, "Now playing"),
        (EMBED, "Please enable JavaScript to view this content."),
        (EMBED, "This video is not available"),
        (EMBED, "Video"),
        (EMBED, "Video player is loading."),
        (EMBED, "View this post on Instagram"),
        (EMBED, "Watch: Rudd faces the Commons"),
        (EMBED, "Your browser does not support the video tag."),
        (EMBED, "pic.twitter.com/AbCdEf123"),
        (EMBED_ATTRIBUTION, "— Jane Doe (@janedoe) April 21, 2018"),
        (
            EMBED_ATTRIBUTION,
            "— City Council (@citycouncil) November 3, 2019",
        ),
        (EMBED_ATTRIBUTION, "-Jane Q. Doe (@jqdoe_) 9 May 2020"),
        (EMBED, "Something is loading."),
        (EMBED, "Tap to unmute"),
        // feedback
        (FEEDBACK, "Did you find this article useful? Yes No"),
        (
            FEEDBACK,
            "Do you have a story to share? Email us at tips@example.com",
        ),
        (FEEDBACK, "Got a story? Contact us at news@example.com"),
        (FEEDBACK, "Got a story? Email news@example.com"),
        (
            FEEDBACK,
            "If you have been affected by any of the issues in this story, help and support is available via the BBC Action Line.",
        ),
        (FEEDBACK, "Spotted a typo? Let us know"),
        (FEEDBACK, "Was this article helpful?"),
        (FEEDBACK, "Was this helpful?"),
    ];

    /// Prose (and interview lines) that no rule may touch: removing a real paragraph is far
    /// worse than leaving noise.
    const NEGATIVE: &[&str] = &[
        "Retailers may earn a commission on each sale, the report found, which raises prices for everyone.",
        "Next year the council will review the scheme again.",
        "Previous owners of the house had added a second floor.",
        "Enter your email address, the form said, and then it crashed.",
        "Get the kids delivered to school on time, and the rest of the day takes care of itself, she said.",
        "Read more widely, the report suggests that the problem is not confined to one region and may affect the whole country.",
        "Share prices fell sharply on Monday after the announcement.",
        "Image matters enormously in a campaign like this, and both sides have spent heavily on advertising.",
        "Sign-up numbers for the scheme have doubled since January, helped by a campaign in schools.",
        "Updated guidance from the health authority is expected later this week, after doctors asked for clarity.",
        "Advertisement revenue rose 4% in the quarter.",
        "Follow the money, she said.",
        "Comments from the minister were not welcome.",
        "Yes.",
        "No.",
        "No comment.",
        "OK.",
        "I agree.",
        "Help!",
        "Next.",
        "Read more books, the teacher told the class.",
        "Read more about it in the report published last year by the commission.",
        "Share your toys, her mother always said.",
        "Sharing is caring.",
        "Follow me, she whispered, and don't look back.",
        "Following the vote, the party split into two factions.",
        "Sign up was slow at first, officials admitted.",
        "Advertising executives gathered in Cannes for the annual festival.",
        "Photo finish decided the race.",
        "Photography was her first love.",
        "Related to the king by marriage, he was never trusted at court.",
        "Related: he said the two cases were not connected.",
        "Comments made by the chairman have been referred to the regulator.",
        "Updated figures show a sharp rise in homelessness.",
        "Updated: the figures were revised on Tuesday.",
        "By Monday, the deal was done.",
        "By the time she arrived, the meeting had ended.",
        "By Thursday.",
        "By contrast, the French market grew by 3%.",
        "Posted to Afghanistan in 2009, he served two tours.",
        "Published in 2019, the report found widespread abuse.",
        "Home is where the heart is.",
        "Home Secretary Amber Rudd told the Commons she had not seen the memo.",
        "Home / away record has been poor this season.",
        "The Home Office said it would review the cases.",
        "Menu prices have risen by a third since the pandemic.",
        "Search teams found the missing hiker on Sunday evening.",
        "Print runs of the newspaper have fallen every year since 2005.",
        "Email exchanges between the two men were released by the court.",
        "Tags on the bottles were found to be misleading.",
        "Copyright infringement cases rose by 12% last year.",
        "Copyright law has not kept pace with artificial intelligence.",
        "All rights reserved under the contract went to the label, the court heard.",
        "Privacy campaigners said the law went too far.",
        "Cookies were handed out to the children after the show.",
        "We use cookies in this recipe, but biscuits work just as well.",
        "Accept the things you cannot change.",
        "Subscribers to the service will see prices rise in April.",
        "Subscribe to the idea that markets are efficient and you will be disappointed.",
        "Premium bonds remain popular with savers.",
        "Download speeds have improved across the country.",
        "Get the app right and customers will follow, he said.",
        "Continue reading the letter, she found a second page folded inside.",
        "Click the link in the email and you will be taken to a fake site.",
        "Full story at 10.",
        "More on that later.",
        "More in sorrow than anger.",
        "Trending topics on social media included the election and the weather.",
        "Most popular among young voters was the pledge on tuition fees.",
        "Recommended by the committee, the proposal passed unanimously.",
        "You may also like the sequel, which is even better.",
        "Watch out for falling rocks.",
        "Video footage showed the suspect fleeing the scene.",
        "Source: the Office for National Statistics said inflation rose to 3%.",
        "Reuters reported the deal on Monday.",
        "Getty, the oil heir, was kidnapped in 1973.",
        "Jane Doe / Reuters reported from the scene.",
        "Privacy Policy changes were announced by the company on Tuesday.",
        "Loading the lorry took three hours.",
        "Like many newsletters, hers began as a hobby.",
        "Join us for the parade on Saturday.",
        "What do you think?",
        "Was this the right decision? Many doubt it.",
        "Reporting by the BBC revealed the scale of the problem.",
        "The data contributed to this report.",
        "April 2018",
        "1 2 3",
        "Settings → Privacy → Location Services",
        "Go to Settings > Privacy > Location Services and turn it off.",
        "« Nous sommes prêts », a déclaré le ministre.",
        "»Das ist gut«, sagte er.",
        "Lesen ist wichtig für Kinder.",
        "Partager les richesses est un devoir, selon le syndicat.",
        "Compartir es vivir, dice el refrán.",
        "Реклама на телевидении дорожает каждый год.",
        "Anzeige gegen den Bürgermeister wurde erstattet.",
        "Temas como la vivienda dominaron el debate.",
        "Von Berlin aus fuhr er weiter nach Prag.",
        "Par ailleurs, le gouvernement a annoncé de nouvelles mesures.",
        "Di Maio ha detto che il governo non cadrà.",
        "Related concerns were raised by the auditors.",
        "Related Party Transactions",
        "Most Popular Baby Names of 2018",
        "Latest developments",
        "Next steps",
        "Home truths",
        "Search for survivors",
        "Contact tracing",
        "Terms and conditions apply.",
        "Save the date",
        "Listen up",
        "Photos show the damage",
        "Picture this: a city without cars.",
        "Credit where it's due",
        "By Jane's account, the meeting was short.",
        "By Monday at the latest",
        "Posted in 2019, the video has been watched millions of times.",
        "21 April 2018 in which the minister resigned after weeks of pressure.",
        "(a) to protect the public; (b) to reduce crime; (c) to save money.",
        "(c) the driver is signaling a left turn.",
        "Update options for the software were limited.",
        "Read-only access was granted to the auditors.",
        "Read::read_vectored",
        "Via an attribute",
        "Via Appia was the first great Roman road.",
        "@janedoe",
        "Watch",
        "10:32",
        "12 March",
        "Email: the campaign's secret weapon",
        "Sign up numbers are down, officials say.",
        "Share of the vote fell to 32%.",
        "Watch this space.",
        "What's next?",
        "Q: What do you think?",
        "A: Because it was cheaper.",
        "Prep time: 10 mins",
        "Serves 4",
        "Arsenal 2-1 Chelsea",
        "FTSE 100 | 7,200 | +0.5%",
        "Love, actually.",
        "Comment is free, but facts are sacred.",
        "Trending upward, the shares closed at a record high.",
        "The source: a whistleblower inside the ministry.",
        "Follow-up tests confirmed the diagnosis.",
        "Like us, they were surprised.",
        "Advertising",
        "Privacy",
        "By continuing to use coal, Poland risks missing its targets.",
        "Cookies",
        "Also on the agenda",
        "Elsewhere on the continent",
        "More on the economy",
        "Designed by Zaha Hadid",
        "Open the Settings app.",
        "Download the Zoom app for iOS.",
        "The story continues.",
        "Follow me on this journey as I explore the history of the city.",
        "Follow me on this journey.",
        "You have reached the limit of what the state can do, he said.",
        "Start trial proceedings against him",
        "Cancel at any time and you lose the deposit, the firm warned.",
        "Enjoy full access to the gardens with a day ticket.",
        "Support the charity's work in Africa, she urged.",
        "9/11",
        "24/7",
        "Comments are open until Friday, the consultation said.",
        "Be the first to share the news with your family.",
        "Learn more about how the brain works.",
        "No spam filter could stop them.",
        "Start the conversation on mental health now",
        "1.2.34",
        "4-4-2",
    ];

    #[test]
    fn boilerplate_examples_match_their_rule() {
        let boilerplate = Boilerplate::builtin();
        let failures: Vec<String> = POSITIVE
            .iter()
            .filter(|(rule, text)| boilerplate.classify(text) != Some(*rule))
            .map(|(rule, text)| {
                let got = boilerplate.classify(text);
                format!("{text:?}: expected {rule}, got {got:?}")
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn prose_is_never_boilerplate() {
        let boilerplate = Boilerplate::builtin();
        let failures: Vec<String> = NEGATIVE
            .iter()
            .filter_map(|text| Some(format!("{text:?}: {}", boilerplate.classify(text)?)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_rule_has_examples_and_every_pattern_is_exercised() {
        for id in Boilerplate::builtin().rule_ids() {
            let examples = POSITIVE.iter().filter(|(rule, _)| *rule == id).count();
            assert!(examples >= 3, "{id} has {examples} examples");
        }
        let all = build_set(RULES.iter().map(|rule| builtin_regex(rule.pattern)))
            .expect("built-in boilerplate patterns compile");
        let mut unused: Vec<usize> = (0..RULES.len()).collect();
        for (_, text) in POSITIVE {
            let matched = all.matches(text);
            unused.retain(|&i| !matched.matched(i));
        }
        let unused: Vec<String> = unused
            .iter()
            .map(|&i| format!("#{i} {}: {:.60}", RULES[i].id, RULES[i].pattern))
            .collect();
        assert!(
            unused.is_empty(),
            "patterns without an example: {unused:#?}"
        );
    }

    #[test]
    fn spec_rule_ids_are_in_the_catalogue() {
        let boilerplate = Boilerplate::builtin();
        let ids = boilerplate.rule_ids();
        for id in [
            "boilerplate/read-more",
            "boilerplate/share",
            "boilerplate/advertisement",
            "boilerplate/newsletter",
            "boilerplate/cookie",
            "boilerplate/timestamp",
            "boilerplate/social-follow",
            "boilerplate/related",
            "boilerplate/comments",
            "boilerplate/image-credit",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "rule ids are deduplicated");
    }

    #[test]
    fn seed_article_read_more_line_is_boilerplate() {
        let boilerplate = Boilerplate::default();
        assert_eq!(
            boilerplate.classify("Read more at DailyMail.co.uk"),
            Some(READ_MORE)
        );
    }

    #[test]
    fn empty_and_blank_paragraphs_are_not_boilerplate() {
        let boilerplate = Boilerplate::builtin();
        for text in ["", " ", "\n", " \n \n"] {
            assert_eq!(boilerplate.classify(text), None, "{text:?}");
        }
    }

    #[test]
    fn multi_line_block_is_boilerplate_only_when_every_line_is() {
        let boilerplate = Boilerplate::builtin();
        let header =
            "By Jane Doe\nPublished: 10:32 BST, 21 April 2018\nUpdated: 11:49 BST, 21 April 2018";
        assert_eq!(boilerplate.classify(header), Some(BYLINE));
        assert_eq!(
            boilerplate.classify("Share this article\nFacebook\nTwitter"),
            Some(SHARE)
        );
        let mixed = "Advertisement\nThe minister said the memo was never sent to her office.";
        assert_eq!(boilerplate.classify(mixed), None);
        let verse = "Follow the money,\nshe said, and never look back.";
        assert_eq!(boilerplate.classify(verse), None);
    }

    #[test]
    fn word_limits_keep_free_text_rules_short() {
        let boilerplate = Boilerplate::builtin();
        let headline = "READ MORE: Amber Rudd faces calls to resign over Windrush";
        assert_eq!(boilerplate.classify(headline), Some(READ_MORE));
        let long = format!("{headline} {}", "and the row goes on ".repeat(6));
        assert_eq!(boilerplate.classify(long.trim()), None);
    }

    #[test]
    fn long_paragraphs_only_meet_long_form_rules() {
        let boilerplate = Boilerplate::builtin();
        let banner = format!(
            "We use cookies to improve your experience on our website. {}",
            "They help us understand how the site is used and to show you relevant ads. ".repeat(5)
        );
        assert!(banner.len() > SHORT_BYTES);
        assert_eq!(boilerplate.classify(banner.trim()), Some(COOKIE));
        let prose = format!("Read more: {}", "the report was long. ".repeat(30));
        assert!(prose.len() > SHORT_BYTES);
        assert_eq!(boilerplate.classify(prose.trim()), None);
        let huge = format!("© 2019 Acme. {}", "All rights reserved. ".repeat(200));
        assert!(huge.len() > LONG_BYTES);
        assert_eq!(boilerplate.classify(&huge), None);
    }

    #[test]
    fn builtin_is_built_once() {
        Boilerplate::compile_builtin();
        assert!(std::ptr::eq(Builtin::get(), Builtin::get()));
    }

    fn extra(rule: &str, pattern: &str) -> ExtraPattern {
        ExtraPattern {
            rule: rule.to_string(),
            pattern: pattern.to_string(),
        }
    }

    #[test]
    fn extra_patterns_match_whole_paragraphs_case_insensitively() {
        let boilerplate =
            Boilerplate::with_extra(&[extra("custom/footer", "footer text")]).unwrap();
        assert_eq!(boilerplate.classify("Footer TEXT"), Some("custom/footer"));
        assert_eq!(boilerplate.classify("the footer text of the page"), None);
        assert_eq!(boilerplate.classify("footer text and more"), None);
        assert_eq!(boilerplate.classify("Yes."), None);
    }

    #[test]
    fn alternation_in_an_extra_pattern_stays_anchored() {
        let boilerplate = Boilerplate::with_extra(&[extra("custom/alt", "alpha|beta")]).unwrap();
        assert_eq!(boilerplate.classify("beta"), Some("custom/alt"));
        assert_eq!(boilerplate.classify("alpha and beta"), None);
    }

    #[test]
    fn builtin_rules_win_over_extra_and_extras_keep_their_order() {
        let boilerplate = Boilerplate::with_extra(&[
            extra("custom/ad", "advertisement"),
            extra("custom/first", "site footer"),
            extra("custom/second", "site .*"),
        ])
        .unwrap();
        assert_eq!(boilerplate.classify("Advertisement"), Some(ADVERTISEMENT));
        assert_eq!(boilerplate.classify("Site footer"), Some("custom/first"));
        assert_eq!(boilerplate.classify("Site map here"), Some("custom/second"));
    }

    #[test]
    fn extra_rule_ids_are_listed_after_the_catalogue() {
        let boilerplate = Boilerplate::with_extra(&[
            extra("custom/a", "x"),
            extra("boilerplate/share", "share it"),
            extra("custom/a", "y"),
        ])
        .unwrap();
        let ids = boilerplate.rule_ids();
        assert_eq!(ids.last(), Some(&"custom/a"));
        assert_eq!(ids.iter().filter(|id| **id == "custom/a").count(), 1);
        assert_eq!(ids.iter().filter(|id| **id == SHARE).count(), 1);
        assert_eq!(ids.len(), Boilerplate::builtin().rule_ids().len() + 1);
    }

    #[test]
    fn invalid_extra_pattern_names_its_rule() {
        let err = Boilerplate::with_extra(&[
            extra("custom/ok", "fine"),
            extra("custom/broken", "unclosed (group"),
        ])
        .unwrap_err();
        assert!(err.contains("custom/broken"), "{err}");
        assert!(err.contains("unclosed"), "{err}");
        let err = Boilerplate::with_extra(&[extra(" ", "x")]).unwrap_err();
        assert!(err.contains("empty rule id"), "{err}");
    }

    #[test]
    fn no_extra_patterns_is_the_builtin_set() {
        let boilerplate = Boilerplate::with_extra(&[]).unwrap();
        assert!(boilerplate.extra.is_none());
        assert_eq!(boilerplate.rule_ids(), Boilerplate::builtin().rule_ids());
    }
}
