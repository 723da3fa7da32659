// Languages the catalogue romanizes, with the original script in linked 880 fields:
// Japanese, Chinese (ALA-LC pinyin) and Russian (ALA-LC transliteration).

extension DemoCatalogueVocabulary {
    /// Patterns given as pairs of script and romanization, both with `{t}`.
    static func scriptPatterns(_ pairs: [(String, String)]) -> (script: [Pattern], romanized: [Pattern]) {
        (pairs.map { Pattern($0.0) }, pairs.map { Pattern($0.1) })
    }

    /// A person whose name is written surname first: "Tanaka Hiroshi", `田中博`.
    static func eastAsian(_ surname: String, _ forename: String, _ script: String) -> Person {
        Person(surname: surname, forename: forename, native: surname + " " + forename, script: script)
    }

    /// A person named with initials on the title page: "S. P. Ivanov", `С. П. Иванов`.
    static func russian(_ surname: String, _ forenames: String, _ scriptSurname: String, _ scriptInitials: String) -> Person {
        let initials = forenames.split(separator: " ").map { String($0.prefix(1)) + "." }.joined(separator: " ")
        return Person(surname: surname, forename: forenames, native: initials + " " + surname, script: scriptInitials + " " + scriptSurname)
    }

    static let japanesePatterns = scriptPatterns([
        ("{t}", "{t}"), ("{t}入門", "{t} nyūmon"), ("{t}概論", "{t} gairon"), ("現代{t}", "Gendai {t}"), ("{t}の基礎", "{t} no kiso"),
        ("{t}講義", "{t} kōgi"), ("{t}ハンドブック", "{t} handobukku"), ("新しい{t}", "Atarashii {t}"),
    ])

    static let japanese = Language(
        code: "jpn",
        name: "Japanese",
        isbnGroups: ["4"],
        publishers: [
            Publisher("Tōkyō", "Iwanami Shoten", "ja "), Publisher("Tōkyō", "Tōkyō Daigaku Shuppankai", "ja "),
            Publisher("Kyōto", "Kyōto Daigaku Gakujutsu Shuppankai", "ja "), Publisher("Tōkyō", "Yūhikaku", "ja "),
        ],
        people: [
            eastAsian("Tanaka", "Hiroshi", "田中博"), eastAsian("Suzuki", "Yūko", "鈴木優子"), eastAsian("Satō", "Takeshi", "佐藤武"),
            eastAsian("Takahashi", "Akiko", "高橋明子"), eastAsian("Watanabe", "Kenji", "渡辺健二"), eastAsian("Itō", "Naoko", "伊藤直子"),
            eastAsian("Yamamoto", "Makoto", "山本誠"), eastAsian("Nakamura", "Emiko", "中村恵美子"), eastAsian("Kobayashi", "Satoshi", "小林聡"),
            eastAsian("Katō", "Yumi", "加藤由美"), eastAsian("Yoshida", "Hideo", "吉田英夫"), eastAsian("Yamada", "Keiko", "山田恵子"),
        ],
        patterns: japanesePatterns.script,
        romanizedPatterns: japanesePatterns.romanized,
        topics: [
            ForeignTopic("algorithms", "アルゴリズム", "arugorizumu"), ForeignTopic("machine learning", "機械学習", "kikai gakushū"),
            ForeignTopic("linear algebra", "線形代数", "senkei daisū"), ForeignTopic("quantum mechanics", "量子力学", "ryōshi rikigaku"),
            ForeignTopic("organic chemistry", "有機化学", "yūki kagaku"), ForeignTopic("genetics", "遺伝学", "idengaku"),
            ForeignTopic("internal medicine", "内科学", "naikagaku"), ForeignTopic("pharmacology", "薬理学", "yakurigaku"),
            ForeignTopic("the Meiji Restoration", "明治維新", "Meiji ishin"), ForeignTopic("constitutional law", "憲法", "kenpō"),
            ForeignTopic("criminal law", "刑法", "keihō"), ForeignTopic("microeconomics", "ミクロ経済学", "mikuro keizaigaku"),
            ForeignTopic("macroeconomics", "マクロ経済学", "makuro keizaigaku"), ForeignTopic("ethics", "倫理学", "rinrigaku"),
            ForeignTopic("Japanese prints", "浮世絵", "ukiyoe"), ForeignTopic("cognitive psychology", "認知心理学", "ninchi shinrigaku"),
            ForeignTopic("music theory", "音楽理論", "ongaku riron"),
        ],
        subtitles: ["理論と実践", "基礎から応用まで", "演習問題付き"],
        romanizedSubtitles: ["riron to jissen", "kiso kara ōyō made", "enshū mondai tsuki"],
        conjunction: "・",
        scriptCode: "$1",
        authorSuffix: ("著", " cho"),
        elides: false
    )

    static let chinesePatterns = scriptPatterns([
        ("{t}", "{t}"), ("{t}导论", "{t} dao lun"), ("{t}概论", "{t} gai lun"), ("{t}基础", "{t} ji chu"), ("{t}教程", "{t} jiao cheng"),
        ("现代{t}", "Xian dai {t}"), ("{t}研究", "{t} yan jiu"), ("{t}原理", "{t} yuan li"),
    ])

    static let chinese = Language(
        code: "chi",
        name: "Chinese",
        isbnGroups: ["7"],
        publishers: [
            Publisher("Beijing", "Beijing da xue chu ban she", "cc "), Publisher("Shanghai", "Shanghai ren min chu ban she", "cc "),
            Publisher("Beijing", "Ke xue chu ban she", "cc "), Publisher("Beijing", "Zhonghua shu ju", "cc "),
        ],
        people: [
            eastAsian("Wang", "Li", "王力"), eastAsian("Li", "Ming", "李明"), eastAsian("Zhang", "Wei", "张伟"), eastAsian("Liu", "Yang", "刘洋"),
            eastAsian("Chen", "Jing", "陈静"), eastAsian("Yang", "Fan", "杨帆"), eastAsian("Zhao", "Lei", "赵磊"), eastAsian("Huang", "Min", "黄敏"),
            eastAsian("Zhou", "Jie", "周杰"), eastAsian("Wu", "Xiaoling", "吴晓玲"), eastAsian("Xu", "Hong", "徐红"), eastAsian("Sun", "Qiang", "孙强"),
        ],
        patterns: chinesePatterns.script,
        romanizedPatterns: chinesePatterns.romanized,
        topics: [
            ForeignTopic("algorithms", "算法", "suan fa"), ForeignTopic("machine learning", "机器学习", "ji qi xue xi"),
            ForeignTopic("linear algebra", "线性代数", "xian xing dai shu"), ForeignTopic("quantum mechanics", "量子力学", "liang zi li xue"),
            ForeignTopic("organic chemistry", "有机化学", "you ji hua xue"), ForeignTopic("ecology", "生态学", "sheng tai xue"),
            ForeignTopic("internal medicine", "内科学", "nei ke xue"), ForeignTopic("pharmacology", "药理学", "yao li xue"),
            ForeignTopic("imperial China", "中国古代史", "Zhongguo gu dai shi"), ForeignTopic("economic history", "中国经济史", "Zhongguo jing ji shi"),
            ForeignTopic("constitutional law", "宪法学", "xian fa xue"), ForeignTopic("macroeconomics", "宏观经济学", "hong guan jing ji xue"),
            ForeignTopic("Chinese philosophy", "中国哲学", "Zhongguo zhe xue"), ForeignTopic("world literature", "外国文学", "wai guo wen xue"),
            ForeignTopic("music theory", "乐理", "yue li"), ForeignTopic("human geography", "人文地理学", "ren wen di li xue"),
        ],
        subtitles: ["理论与实践", "方法与应用", "第二版修订"],
        romanizedSubtitles: ["li lun yu shi jian", "fang fa yu ying yong", "di er ban xiu ding"],
        conjunction: "、",
        scriptCode: "$1",
        authorSuffix: ("著", " zhu"),
        elides: false
    )

    static let russian = Language(
        code: "rus",
        name: "Russian",
        isbnGroups: ["5"],
        publishers: [
            Publisher("Moskva", "Nauka", "ru "), Publisher("Moskva", "Izdatelʹstvo Moskovskogo universiteta", "ru "),
            Publisher("Sankt-Peterburg", "Piter", "ru "), Publisher("Moskva", "Ėksmo", "ru "),
        ],
        people: [
            russian("Ivanov", "Sergeĭ Petrovich", "Иванов", "С. П."), russian("Petrova", "Anna Mikhaĭlovna", "Петрова", "А. М."),
            russian("Smirnov", "Aleksandr Ivanovich", "Смирнов", "А. И."), russian("Kuznetsova", "Elena Viktorovna", "Кузнецова", "Е. В."),
            russian("Popov", "Dmitriĭ Sergeevich", "Попов", "Д. С."), russian("Volkov", "Nikolaĭ Alekseevich", "Волков", "Н. А."),
            russian("Sokolova", "Irina Pavlovna", "Соколова", "И. П."), russian("Lebedev", "Mikhail Iurʹevich", "Лебедев", "М. Ю."),
            russian("Morozova", "Tatʹiana Nikolaevna", "Морозова", "Т. Н."), russian("Novikov", "Andreĭ Vladimirovich", "Новиков", "А. В."),
        ],
        patterns: [Pattern("{t}")],
        romanizedPatterns: [Pattern("{t}")],
        topics: [
            ForeignTopic("algorithms", "Алгоритмы", "Algoritmy"), ForeignTopic("linear algebra", "Линейная алгебра", "Lineĭnaia algebra"),
            ForeignTopic("real analysis", "Математический анализ", "Matematicheskiĭ analiz"),
            ForeignTopic("quantum mechanics", "Квантовая механика", "Kvantovaia mekhanika"),
            ForeignTopic("thermodynamics", "Термодинамика", "Termodinamika"),
            ForeignTopic("organic chemistry", "Органическая химия", "Organicheskaia khimiia"), ForeignTopic("genetics", "Генетика", "Genetika"),
            ForeignTopic("internal medicine", "Внутренние болезни", "Vnutrennie bolezni"),
            ForeignTopic("pharmacology", "Фармакология", "Farmakologiia"),
            ForeignTopic("the Russian Revolution", "История русской революции", "Istoriia russkoĭ revoliutsii"),
            ForeignTopic("the Second World War", "Великая Отечественная война", "Velikaia Otechestvennaia voĭna"),
            ForeignTopic("constitutional law", "Конституционное право", "Konstitutsionnoe pravo"),
            ForeignTopic("criminal law", "Уголовное право", "Ugolovnoe pravo"), ForeignTopic("macroeconomics", "Макроэкономика", "Makroėkonomika"),
            ForeignTopic("Russian literature", "История русской литературы", "Istoriia russkoĭ literatury"),
            ForeignTopic("ethics", "Этика", "Ėtika"),
        ],
        subtitles: ["учебник", "учебное пособие", "курс лекций", "теория и практика", "избранные труды", "хрестоматия", "монография"],
        romanizedSubtitles: [
            "uchebnik", "uchebnoe posobie", "kurs lektsiĭ", "teoriia i praktika", "izbrannye trudy", "khrestomatiia", "monografiia",
        ],
        conjunction: "и",
        scriptCode: "(N",
        authorSuffix: ("", ""),
        elides: false
    )
}
