//! Writes the Word fixtures in `tests/fixtures/docx/` from an excerpt of
//! CCPCJ resolution 33/1 (corpus/ccpcj-33-1-rapid-technological-change.txt):
//! the header, five preambular paragraphs, the preambular list (a)–(g), the
//! last preambular paragraph and the whole operative part, with footnotes
//! 24–26 (the report's numbering, kept by `w:numStart`). The mark of
//! footnote 30 after operative paragraph 5 is left out with its footnote.
//!
//! Two variants with the same text:
//!
//! - `ccpcj-33-1-excerpt.docx`: numbers and labels typed ("1.", a tab);
//! - `ccpcj-33-1-excerpt-numbered.docx`: Word's automatic numbering
//!   (`word/numbering.xml`): one list for the operative paragraphs and
//!   their sub-paragraphs, a second instance of it, restarted, for the
//!   preambular list.
//!
//! Each is a complete package (content types, relationships, styles,
//! settings) that Word and LibreOffice open. Run with
//! `cargo run --example make_docx`; the output is deterministic.

use std::io::{Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// What a paragraph of the excerpt is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Heading(u8),
    BodyLine,
    Preambular,
    PreambularSub,
    Operative,
    OperativeSub,
}

/// The excerpt, in a small markup: `*…*` italics, `^k` a reference to the
/// k-th footnote of [`FOOTNOTES`].
const PARAGRAPHS: &[(Kind, &str)] = &[
    (Kind::Heading(2), "Resolution 33/1"),
    (Kind::Heading(3), "Countering trafficking in persons in the context of rapid technological change"),
    (Kind::BodyLine, "*The Commission on Crime Prevention and Criminal Justice,*"),
    (Kind::Preambular, "*Reiterating* its strong condemnation of trafficking in persons, which constitutes an offence and a serious threat to human dignity and human rights, physical integrity and sustainable development,"),
    (Kind::Preambular, "*Guided* by the purposes and principles of the Charter of the United Nations,"),
    (Kind::Preambular, "*Reaffirming* the United Nations Convention against Transnational Organized Crime^1 and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime,^2"),
    (Kind::Preambular, "*Recalling* the 2030 Agenda for Sustainable Development,^3 and recognizing its integrated and indivisible nature,"),
    (Kind::Preambular, "*Recognizing that:*"),
    (Kind::PreambularSub, "Human traffickers are increasingly taking advantage of digital technologies to reach larger audiences and expand their criminal activities by operating simultaneously and anonymously in different locations, and continually using and adapting digital technologies to avoid detection, investigation and prosecution,"),
    (Kind::PreambularSub, "Human traffickers are using online tools to facilitate trafficking in persons, such as the recruitment, transportation, transfer, harbouring or receipt of persons and the related financial transactions, and various forms of exploitation as provided for in article 3 (a) of the Trafficking in Persons Protocol, as well as the sexual exploitation of children in the context of travel and tourism,"),
    (Kind::PreambularSub, "The use of mobile applications and smartphones by children and adolescents makes them potentially vulnerable to trafficking in persons,"),
    (Kind::PreambularSub, "Organized criminal groups, including terrorist groups involved in human trafficking, also use the Internet to facilitate this crime, and it is fundamental to counter such trafficking while respecting human rights and fundamental freedoms in compliance with applicable obligations under domestic and international law,"),
    (Kind::PreambularSub, "It is important to mainstream a gender perspective into crime prevention and criminal justice policies and programmes and into efforts to prevent and combat transnational organized crime, including trafficking in persons,"),
    (Kind::PreambularSub, "The effectiveness of international cooperation and efforts by Member States to combat trafficking in persons online may be improved through the provision of technical assistance,"),
    (Kind::PreambularSub, "Human traffickers are increasingly recruiting individuals through online advertisements for seemingly legitimate jobs and exploiting them by forcing them to perpetrate online fraud and scam operations, including through call centres, thereby subjecting victims to forced criminality, debt bondage and a range of abusive practices,"),
    (Kind::Preambular, "*Emphasizing* the central role of the work of the United Nations Office on Drugs and Crime in the global fight against trafficking in persons, in particular in providing technical assistance to Member States, upon their request, to counter trafficking in persons through implementing the Organized Crime Convention and the Trafficking in Persons Protocol, by making use of existing capacity-building tools, lessons learned from Member States and expertise available in other international organizations,"),
    (Kind::Operative, "*Urges* Member States that have not yet done so to consider ratifying or acceding to, as a matter of priority, the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime, taking into consideration the central role of those instruments in the fight against trafficking in persons, and urges States parties to those instruments to implement them fully and effectively;"),
    (Kind::Operative, "*Reaffirms* that trafficking in persons, especially women and children, cannot and should not be associated with any religion, nationality or civilization;"),
    (Kind::Operative, "*Also reaffirms* the importance of a holistic, inclusive and comprehensive approach and the need for all stakeholders to collaborate in a more concerted way in addressing the possible impacts, opportunities and challenges of rapidly evolving technologies in countering trafficking in persons in the digital age;"),
    (Kind::Operative, "*Recognizes* the need for more coordinated and scaled-up global digital capacity-building efforts and stronger capacity-building support at the country level;"),
    (Kind::Operative, "*Encourages* Member States to ensure that the promotion and protection of the human rights of victims of trafficking in persons, the prevention of trafficking in persons by addressing the social, economic, cultural, political and other contributing factors and the strengthening of the criminal justice response are at the centre of all efforts to prevent and combat trafficking in persons and to protect, assist and provide redress to victims;"),
    (Kind::Operative, "*Also encourages* Member States, in accordance with their domestic law, to ensure that identified victims of trafficking are not penalized for having been trafficked and that they do not suffer from victimization as a result of actions taken by government authorities, communities and families;"),
    (Kind::Operative, "*Further encourages* Member States to adopt measures, in accordance with their domestic legal systems and relevant applicable international law, including human rights law, inter alia:"),
    (Kind::OperativeSub, "To reinforce efforts to combat trafficking in persons online in the context of rapid technological change;"),
    (Kind::OperativeSub, "To counter human traffickers' use of technological advancements and new methods to target potential victims, including for the purpose of the forced perpetration of online scams;"),
    (Kind::OperativeSub, "To intensify international, regional and subregional cooperation to combat trafficking in persons, as well as technical assistance for countries of origin, transit and destination aimed at strengthening their ability to prevent all forms of trafficking in persons;"),
    (Kind::OperativeSub, "To increase and support prevention efforts in countries of origin, transit and destination by focusing domestically and globally on the demand that fosters all forms of trafficking in persons;"),
    (Kind::OperativeSub, "To take measures to develop targeted awareness-raising campaigns, including for law enforcement, front-line service providers and at-risk industries, to identify the signs of online trafficking in persons and to develop specialized training for law enforcement and criminal justice practitioners;"),
    (Kind::OperativeSub, "To advance digital literacy and education on the safe and secure use of technologies as means of prevention, in particular among women, children and persons in vulnerable situations and for reducing their risk of being trafficked;"),
    (Kind::OperativeSub, "To take, consistent with domestic law, legislative or other measures, where appropriate, to facilitate the detection by Internet service and access providers or other relevant entities of child sexual exploitation and child sexual abuse material related to offences involving trafficking in children, as required by domestic frameworks, and to ensure, in compliance with domestic law, the reporting of such materials to the relevant authorities and their removal by Internet service and access providers or other relevant entities, including in conjunction with law enforcement in investigations and prosecutions;"),
    (Kind::OperativeSub, "To prevent and counter online trafficking in persons by organized criminal groups, including terrorist groups;"),
    (Kind::OperativeSub, "To put the rights and safety of children and persons in vulnerable situations at the centre of policies on the prevention of trafficking in persons and provide them with equal, safe and effective access to age-appropriate information, information on their rights and high-quality online resources, including on digital skills and literacy, to prevent their exposure and vulnerability to trafficking in persons;"),
    (Kind::OperativeSub, "To cooperate with relevant civil society organizations in preventing and addressing technology-facilitated trafficking in persons, including through awareness-raising campaigns and by identifying and assisting victims of trafficking in persons;"),
    (Kind::OperativeSub, "To cooperate with the relevant academic and research communities and, where relevant, the private sector to explore the impact of rapid technological development on trafficking in persons, including how such technologies can be utilized to prevent and combat trafficking in persons in its various forms and to assist victims of trafficking, and how to provide effective safeguards and oversight to ensure that technological developments, in particular the algorithms used in artificial intelligence-based solutions, do not facilitate or perpetuate existing patterns of inequality and discrimination;"),
    (Kind::OperativeSub, "To provide technical assistance to developing countries, upon their request, to support their efforts to prevent, combat and prosecute trafficking in persons in the digital age;"),
    (Kind::Operative, "*Reaffirms* the significant role of effective international cooperation in preventing and combating trafficking in persons, including in the area of mutual legal assistance and extradition;"),
    (Kind::Operative, "*Requests* the United Nations Office on Drugs and Crime:"),
    (Kind::OperativeSub, "To continue providing, within its existing mandate, technical assistance and training to Member States, in particular developing countries, at their request, to improve and build capacities to prevent and combat trafficking in persons online;"),
    (Kind::OperativeSub, "To encourage the Inter-Agency Coordination Group against Trafficking in Persons to further explore the impact of various technologies on trafficking in persons in its work;"),
    (Kind::Operative, "*Invites* the Secretary-General to include information on the implementation of the present resolution within the existing reporting obligations to the General Assembly under the item on crime prevention and criminal justice;"),
    (Kind::Operative, "*Invites* Member States and other donors to provide extrabudgetary resources for these purposes, in accordance with the rules and procedures of the United Nations."),
];

/// The footnotes, in the order of their references.
const FOOTNOTES: &[&str] = &[
    "United Nations, *Treaty Series*, vol. 2225, No. 39574.",
    "*Ibid.*, vol. 2237, No. 39574.",
    "General Assembly resolution 70/1.",
];

/// The number Word shows for the first footnote.
const FIRST_FOOTNOTE: u32 = 24;

/// Word's `w:id` for the k-th footnote (0-based): any ids do, these show
/// that the reader numbers by order, not by id.
fn footnote_id(k: usize) -> usize {
    k + 2
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// How paragraph numbers are made.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbers {
    Typed,
    Automatic,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx");
    std::fs::create_dir_all(&dir)?;
    for (name, numbers) in [
        ("ccpcj-33-1-excerpt.docx", Numbers::Typed),
        ("ccpcj-33-1-excerpt-numbered.docx", Numbers::Automatic),
    ] {
        let bytes = package(numbers)?;
        std::fs::write(dir.join(name), &bytes)?;
        eprintln!("wrote {name} ({} bytes)", bytes.len());
    }
    Ok(())
}

/// The zip package.
fn package(numbers: Numbers) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut parts = vec![
        ("[Content_Types].xml", content_types(numbers)),
        ("_rels/.rels", package_rels()),
        ("word/_rels/document.xml.rels", document_rels(numbers)),
        ("word/document.xml", document(numbers)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/footnotes.xml", footnotes()),
    ];
    if numbers == Numbers::Automatic {
        parts.push(("word/numbering.xml", numbering()));
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types(numbers: Numbers) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut overrides = format!(
        r#"<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{main}.settings+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{main}.footnotes+xml"/>"#
    );
    if numbers == Numbers::Automatic {
        overrides.push_str(&format!(
            "\n<Override PartName=\"/word/numbering.xml\" ContentType=\"{main}.numbering+xml\"/>"
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
{overrides}
</Types>"#
    )
}

fn package_rels() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#
        .to_owned()
}

fn document_rels(numbers: Numbers) -> String {
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut rels = format!(
        r#"<Relationship Id="rId1" Type="{t}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{t}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{t}/footnotes" Target="footnotes.xml"/>"#
    );
    if numbers == Numbers::Automatic {
        rels.push_str(&format!(
            "\n<Relationship Id=\"rId4\" Type=\"{t}/numbering\" Target=\"numbering.xml\"/>"
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{rels}
</Relationships>"#
    )
}

fn document(numbers: Numbers) -> String {
    let mut body = String::new();
    let mut operative = 0;
    let mut sub = 0;
    for &(kind, text) in PARAGRAPHS {
        let (props, typed) = match kind {
            Kind::Heading(level) => (format!(r#"<w:pStyle w:val="Heading{level}"/>"#), None),
            Kind::BodyLine | Kind::Preambular => (r#"<w:ind w:firstLine="720"/>"#.to_owned(), None),
            Kind::Operative => {
                operative += 1;
                sub = 0;
                (
                    numbered(numbers, 1, 0, r#"<w:ind w:firstLine="720"/>"#),
                    Some(format!("{operative}.")),
                )
            }
            Kind::PreambularSub | Kind::OperativeSub => {
                sub += 1;
                let num_id = if kind == Kind::PreambularSub { 2 } else { 1 };
                let label = format!("({})", char::from(b'a' + sub - 1));
                (
                    numbered(
                        numbers,
                        num_id,
                        1,
                        r#"<w:ind w:left="1440" w:hanging="720"/>"#,
                    ),
                    Some(label),
                )
            }
        };
        body.push_str(&format!("<w:p><w:pPr>{props}</w:pPr>"));
        if let (Numbers::Typed, Some(label)) = (numbers, typed) {
            body.push_str(&format!("<w:r><w:t>{label}</w:t></w:r><w:r><w:tab/></w:r>"));
        }
        let bold = matches!(kind, Kind::Heading(_));
        body.push_str(&runs(text, bold));
        body.push_str("</w:p>\n");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:body>
{body}<w:sectPr><w:footnotePr><w:numStart w:val="{FIRST_FOOTNOTE}"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>
</w:body>
</w:document>"#
    )
}

/// Paragraph properties: the indentation, and in the automatic variant
/// the list.
fn numbered(numbers: Numbers, num_id: u32, level: u32, indent: &str) -> String {
    match numbers {
        Numbers::Typed => indent.to_owned(),
        Numbers::Automatic => format!(
            r#"<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>{indent}"#
        ),
    }
}

/// The runs of a paragraph from the excerpt's markup.
fn runs(text: &str, bold: bool) -> String {
    let mut out = String::new();
    let mut italic = false;
    let mut current = String::new();
    let flush = |out: &mut String, current: &mut String, italic: bool| {
        if current.is_empty() {
            return;
        }
        let mut props = String::new();
        if bold {
            props.push_str("<w:b/>");
        }
        if italic {
            props.push_str("<w:i/>");
        }
        let props = if props.is_empty() {
            String::new()
        } else {
            format!("<w:rPr>{props}</w:rPr>")
        };
        out.push_str(&format!(
            r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(current)
        ));
        current.clear();
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                flush(&mut out, &mut current, italic);
                italic = !italic;
            }
            '^' => {
                flush(&mut out, &mut current, italic);
                let mut k = 0;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    k = k * 10 + d as usize;
                    chars.next();
                }
                out.push_str(&format!(
                    r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>"#,
                    footnote_id(k - 1)
                ));
            }
            c => current.push(c),
        }
    }
    flush(&mut out, &mut current, italic);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn footnotes() -> String {
    let mut notes = String::new();
    for (k, text) in FOOTNOTES.iter().enumerate() {
        notes.push_str(&format!(
            r#"<w:footnote w:id="{}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>{}</w:p></w:footnote>
"#,
            footnote_id(k),
            runs(text, false)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
{notes}</w:footnotes>"#
    )
}

fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"#
    )
}

fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}">
<w:defaultTabStop w:val="720"/>
<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>"#
    )
}

/// One list definition: "1." at level 0, "(a)" at level 1. Instance 1 is
/// the operative part; instance 2, the preambular list, restarts level 1.
fn numbering() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="720"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="2160" w:hanging="720"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#
    )
}
