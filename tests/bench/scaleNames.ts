/**
 * Name material for the scale benchmark's organisations: communities with the German adjective
 * used in the official name, names in the community's own script or language, and the language
 * and country codes their members' profiles carry. Pure data, no IO (bundled into the page).
 */
export interface Community {
  /** "Türkisch" etc.: the name is the stem with the kind's ending, then the kind. */
  adjective: string;
  /** Names as the community writes them (Arabic, Cyrillic, Turkish, Ge'ez, Greek, …). */
  original: readonly string[];
  languages: readonly string[];
  countries: readonly string[];
}

export const communities: readonly Community[] = [
  {
    adjective: 'Türkisch',
    original: [
      'Türk Kültür ve Dayanışma Derneği',
      'Türk-İslam Kültür Derneği',
      'Kadınlar Dayanışma Derneği',
      'Gençlik ve Spor Kulübü Işık',
    ],
    languages: ['tr', 'de'],
    countries: ['TR'],
  },
  {
    adjective: 'Kurdisch',
    original: ['Komeleya Çand û Hunerê ya Kurdî', 'Navenda Civaka Kurd'],
    languages: ['ku', 'tr', 'ar'],
    countries: ['TR', 'SY', 'IQ'],
  },
  {
    adjective: 'Syrisch',
    original: ['الجمعية الثقافية السورية', 'جمعية الأسرة العربية', 'بيت الياسمين'],
    languages: ['ar'],
    countries: ['SY'],
  },
  {
    adjective: 'Marokkanisch',
    original: ['الجمعية المغربية للثقافة والتعليم', 'جمعية الأطلس'],
    languages: ['ar', 'fr'],
    countries: ['MA'],
  },
  {
    adjective: 'Irakisch',
    original: ['الجالية العراقية', 'مركز الرافدين الثقافي'],
    languages: ['ar', 'ku'],
    countries: ['IQ'],
  },
  {
    adjective: 'Afghanisch',
    original: ['انجمن فرهنگی افغان‌ها', 'کانون زنان افغان'],
    languages: ['fa', 'ps'],
    countries: ['AF'],
  },
  {
    adjective: 'Iranisch',
    original: ['کانون فرهنگی ایرانیان', 'انجمن موسیقی پارسی'],
    languages: ['fa'],
    countries: ['IR'],
  },
  {
    adjective: 'Russischsprachig',
    original: [
      'Русскоязычный культурный центр «Мост»',
      'Клуб родителей «Радуга»',
      'Ансамбль «Берёзка»',
    ],
    languages: ['ru', 'de'],
    countries: ['RU', 'KZ'],
  },
  {
    adjective: 'Ukrainisch',
    original: ['Українська громада «Мрія»', 'Спілка українок'],
    languages: ['uk', 'ru'],
    countries: ['UA'],
  },
  {
    adjective: 'Polnisch',
    original: [
      'Stowarzyszenie Polaków „Biały Orzeł”',
      'Polska Misja Katolicka',
      'Klub Seniora Złota Jesień',
    ],
    languages: ['pl'],
    countries: ['PL'],
  },
  {
    adjective: 'Griechisch',
    original: ['Ελληνική Κοινότητα', 'Σύλλογος Γονέων και Κηδεμόνων'],
    languages: ['el'],
    countries: ['GR'],
  },
  {
    adjective: 'Italienisch',
    original: ['Associazione Culturale Italiana', 'Circolo degli Emigrati'],
    languages: ['it'],
    countries: ['IT'],
  },
  {
    adjective: 'Lateinamerikanisch',
    original: ['Asociación Latinoamericana', 'Casa de la Cultura Andina'],
    languages: ['es', 'pt'],
    countries: ['CO', 'PE', 'BR'],
  },
  {
    adjective: 'Portugiesisch',
    original: ['Associação Cultural Portuguesa', 'Rancho Folclórico'],
    languages: ['pt'],
    countries: ['PT'],
  },
  {
    adjective: 'Eritreisch',
    original: ['ማሕበር ኤርትራውያን', 'ማሕበር ደቂ ኣንስትዮ'],
    languages: ['ti'],
    countries: ['ER'],
  },
  {
    adjective: 'Äthiopisch',
    original: ['የኢትዮጵያ ማህበረሰብ'],
    languages: ['am'],
    countries: ['ET'],
  },
  {
    adjective: 'Somalisch',
    original: ['Ururka Bulshada Soomaaliyeed'],
    languages: ['so', 'ar'],
    countries: ['SO'],
  },
  {
    adjective: 'Westafrikanisch',
    original: ['Ghana Union', 'Nigerian Community Association'],
    languages: ['en', 'fr'],
    countries: ['GH', 'NG', 'SN'],
  },
  {
    adjective: 'Vietnamesisch',
    original: ['Hội Người Việt', 'Hội Phụ nữ Việt Nam'],
    languages: ['vi'],
    countries: ['VN'],
  },
  {
    adjective: 'Chinesisch',
    original: ['华人协会', '中文学校'],
    languages: ['zh'],
    countries: ['CN'],
  },
  {
    adjective: 'Tamilisch',
    original: ['தமிழ் சங்கம்'],
    languages: ['ta'],
    countries: ['LK', 'IN'],
  },
  {
    adjective: 'Bosnisch',
    original: ['Bosanski kulturni centar', 'Džemat Mladost'],
    languages: ['bs'],
    countries: ['BA'],
  },
  {
    adjective: 'Kroatisch',
    original: ['Hrvatska katolička misija', 'Hrvatsko kulturno društvo'],
    languages: ['hr'],
    countries: ['HR'],
  },
  {
    adjective: 'Serbisch',
    original: ['Српско културно друштво', 'Коло српских сестара'],
    languages: ['sr'],
    countries: ['RS'],
  },
  {
    adjective: 'Albanisch',
    original: ['Shoqata Kulturore Shqiptare'],
    languages: ['sq'],
    countries: ['AL'],
  },
  {
    adjective: 'Rumänisch',
    original: ['Asociația Culturală Română'],
    languages: ['ro'],
    countries: ['RO', 'MD'],
  },
  {
    adjective: 'Bulgarisch',
    original: ['Българско културно дружество'],
    languages: ['bg'],
    countries: ['BG'],
  },
  {
    adjective: 'International',
    original: [],
    languages: ['de', 'en'],
    countries: ['DE'],
  },
];

/** Kinds of organisation with their grammatical gender (for the adjective's ending). */
export const kinds: readonly (readonly [string, 'm' | 'f' | 'n'])[] = [
  ['Kulturverein', 'm'],
  ['Elternverein', 'm'],
  ['Frauenverein', 'm'],
  ['Jugendinitiative', 'f'],
  ['Sportverein', 'm'],
  ['Moscheegemeinde', 'f'],
  ['Kirchengemeinde', 'f'],
  ['Bildungszentrum', 'n'],
  ['Seniorentreff', 'm'],
  ['Musik- und Tanzgruppe', 'f'],
  ['Solidaritätsverein', 'm'],
  ['Studierendenverein', 'm'],
  ['Integrationsnetzwerk', 'n'],
  ['Sprachschule', 'f'],
  ['Förderverein', 'm'],
  ['Begegnungszentrum', 'n'],
];

/** Words for visit notes and follow-ups, German with some names in other scripts. */
export const noteSentences: readonly string[] = [
  'Gespräch mit dem Vorstand über die Raumsuche für die Samstagsschule.',
  'Der Verein plant ein Sommerfest und fragt nach Fördermöglichkeiten.',
  'Neue Kassiererin gewählt; Übergabe der Unterlagen noch offen.',
  'Interesse an der Multiplikatorenschulung im Frühjahr.',
  'Hausaufgabenhilfe läuft gut, es fehlen ehrenamtliche Helferinnen.',
  'Termin beim Jobcenter für zwei Mitglieder vereinbart.',
  'Der Mietvertrag für die Räume läuft Ende des Jahres aus.',
  'Projektidee: Elterncafé mit Dolmetschung ins Arabische (مقهى الأهل).',
  'Gemeinsame Veranstaltung mit dem Ausländerbeirat besprochen.',
  'Fragen zur Satzungsänderung und zur Gemeinnützigkeit.',
  'Kurdische und türkische Jugendgruppen wollen zusammen Fußball spielen.',
  'Дети хотят заниматься танцами, нужен зал по выходным.',
  'Antrag beim Kulturamt ist eingereicht, Rückmeldung steht aus.',
  'Vorstand spricht wenig Deutsch; Gespräch auf Türkisch geführt.',
];

export const followUpTasks: readonly string[] = [
  'Kontakt zum Kulturamt herstellen',
  'Infos zur Vereinsgründung schicken',
  'Raumangebote der Stadt weiterleiten',
  'Förderantrag gemeinsam durchgehen',
  'Einladung zur Schulung versenden',
  'Rückruf wegen Satzungsänderung',
  'Termin für nächsten Besuch abstimmen',
];

export const contactNames: readonly string[] = [
  'Ayşe Yılmaz',
  'Mehmet Öztürk',
  'Fatima El Amrani',
  'Omar Haddad',
  'Ольга Иванова',
  'Dmytro Kovalenko',
  'Agnieszka Wójcik',
  'Nguyễn Thị Lan',
  'Yonas Tesfaye',
  'Maria Papadopoulou',
  'Giulia Rossi',
  'محمد الأحمد',
  'Zahra Ahmadi',
  'Emir Hadžić',
];
