//! Generated words, names and lines for the search and start-up benches: Turkish and Arabic
//! news words, names, and made-up Turkish-looking words so the vocabulary is not tiny.

pub const TR_WORDS: &[&str] = &[
    "Cumhurbaşkanı",
    "Dışişleri",
    "Bakanı",
    "görüşme",
    "ateşkes",
    "İstanbul",
    "Ankara",
    "Türkiye",
    "Rusya",
    "açıklama",
    "toplantı",
    "güvenlik",
    "ekonomi",
    "seçim",
    "meclis",
    "Karabağ",
    "Suriye",
    "Libya",
    "barış",
    "anlaşma",
    "yarın",
    "bugün",
    "şehir",
    "ığdır",
    "öğrenci",
    "çalışma",
    "haber",
    "dedi",
    "ile",
    "ve",
    "bir",
    "için",
    "olarak",
    "sonra",
];
pub const AR_WORDS: &[&str] = &[
    "وزير",
    "الخارجية",
    "الرئيس",
    "اتفاق",
    "وقف",
    "إطلاق",
    "النار",
    "تركيا",
    "روسيا",
    "أنقرة",
    "موسكو",
    "اجتماع",
    "مؤتمر",
    "الأمن",
    "الاقتصاد",
    "الانتخابات",
    "البرلمان",
    "قره",
    "باغ",
    "سوريا",
    "ليبيا",
    "السلام",
    "قال",
    "في",
    "من",
    "على",
    "إلى",
    "مع",
    "أن",
];
pub const NAMES: &[&str] = &[
    "Erdoğan",
    "Lavrov",
    "Putin",
    "Çavuşoğlu",
    "Aliyev",
    "Paşinyan",
    "Ayrault",
    "Macron",
    "أردوغان",
    "لافروف",
    "بوتين",
    "علييف",
    "باشينيان",
    "محمد",
    "أحمد",
    "مصطفى",
    "Mehmet",
    "Ahmet",
    "Mustafa",
    "Ayşe",
    "Fatma",
    "Hüseyin",
    "İbrahim",
    "Yıldız",
    "Şahin",
    "Öztürk",
];

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[usize::try_from(self.next() % from.len() as u64).unwrap_or(0)]
    }
    /// A made-up word of 3 to 9 letters, so the vocabulary is not tiny.
    pub fn word(&mut self) -> String {
        const LETTERS: &[char] = &[
            'a', 'e', 'ı', 'i', 'o', 'ö', 'u', 'ü', 'k', 'l', 'm', 'n', 'r', 's', 'ş', 't', 'y',
            'z', 'ç', 'ğ', 'b', 'd',
        ];
        let len = 3 + self.next() % 7;
        (0..len)
            .map(|_| LETTERS[usize::try_from(self.next() % LETTERS.len() as u64).unwrap_or(0)])
            .collect()
    }
}

/// A mixed line of about 65 bytes: Turkish or Arabic words, names, made-up words.
pub fn line(rng: &mut Rng) -> String {
    let arabic = rng.next().is_multiple_of(3);
    let mut out = String::new();
    while out.len() < 65 {
        if !out.is_empty() {
            out.push(' ');
        }
        match rng.next() % 8 {
            0 => out.push_str(rng.pick(NAMES)),
            1 | 2 if !arabic => out.push_str(&rng.word()),
            _ if arabic => out.push_str(rng.pick(AR_WORDS)),
            _ => out.push_str(rng.pick(TR_WORDS)),
        }
    }
    out
}

/// A made-up name of two or three parts, known names and made-up words mixed.
pub fn name(rng: &mut Rng) -> String {
    match rng.next() % 3 {
        0 => format!("{} {}", rng.pick(NAMES), rng.pick(NAMES)),
        1 => format!("{} {}", rng.word(), rng.pick(NAMES)),
        _ => format!("{} {} {}", rng.pick(NAMES), rng.word(), rng.word()),
    }
}
