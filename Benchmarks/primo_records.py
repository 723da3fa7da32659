"""Generated MARC 21 bib records (ISO 2709, UTF-8) whose words follow the frequencies of real
catalogue text, for the Primo search benchmark. Standard library only; the same seed writes
the same file.

    python3 Benchmarks/primo_records.py COUNT OUTPUT.mrc [SEED]

Why not `lectern demo-catalogue`: its titles are built from a few hundred topics, so every
word of them is common. Real titles follow Zipf's law: a few words ("the", "of", "and",
"history") occur in a large share of records, most words in very few. Here every title,
creator and subject word is drawn from a Zipf distribution (exponent about 1) over a
vocabulary whose head is real English function words and common title words and whose long
tail is made-up words, so searches meet common and rare words in realistic proportions.
Each record has one holding (852) with one or two items (876) in the demo institution's
libraries, so that the library facets and availability count as in a real catalogue.
"""
import bisect
import itertools
import random
import sys

STOP_WORDS = (
    "the of and in a to on for an from with by at its as or their is de la der und le des et "
    "about into between after under through during over among"
).split()

TITLE_WORDS = (
    "history study analysis introduction theory new world development social art life practice "
    "research american policy management century science early modern international health "
    "education design guide law politics language culture economic systems handbook english "
    "national british political environmental women literature public change war state "
    "american european global power learning communication methods approach perspectives "
    "children family urban church music church literature medicine clinical data digital "
    "information computer engineering energy water climate natural human philosophy religion "
    "religious ancient medieval renaissance century revolution empire nation identity memory "
    "writing reading poetry novel fiction drama theatre film media press work labour economy "
    "market finance money trade business capital industry technology machine network model "
    "models structure structures process processes control quality evaluation assessment "
    "school schools university teachers students teaching community communities rural city "
    "cities space place landscape nature ecology biology chemistry physics mathematics "
    "statistics geography geology ocean river mountain island africa asia china india japan "
    "france germany italy spain russia america canada mexico brazil australia england "
    "scotland ireland london paris berlin rome essays letters papers studies selected "
    "collected complete works stories tales voices lives letters journey travels myth "
    "tradition traditions reform crisis conflict peace justice rights freedom democracy "
    "government administration security military army navy battle violence crime police "
    "prison family marriage love death body mind brain behavior behaviour psychology "
    "therapy care nursing disease cancer heart children youth age aging gender sexuality race "
    "ethnicity migration border borders colonial postcolonial global local regional"
).split()

GIVEN_NAMES = (
    "John Mary James Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Maria Anna Peter Paul Hans Jean "
    "Pierre Marie Giovanni Luca Carlos Ana Wei Li Hiroshi Yuki Ahmed Fatima Olga Ivan Sofia"
).split()

SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis "
    "Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell "
    "Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris "
    "Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly Howard Ward Cox "
    "Diaz Richardson Wood Watson Brooks Bennett Gray James Reyes Cruz Hughes Price Myers Long "
    "Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Gutierrez Perry Butler "
    "Barnes Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim "
    "Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Muller Schmidt Schneider "
    "Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dupont Durand Leroy Moreau Rossi Russo "
    "Ferrari Esposito Bianchi Romano Colombo Ricci Tanaka Suzuki Takahashi Watanabe Ito Sato"
).split()

SUBJECT_FORMS = ["History", "Social aspects", "Political aspects", "Study and teaching", "Case studies", "Periodicals", "Economic aspects"]
LANGUAGES = ["eng"] * 60 + ["ger"] * 9 + ["fre"] * 9 + ["spa"] * 6 + ["ita"] * 4 + ["rus"] * 3 + ["chi"] * 3 + ["jpn"] * 2 + ["por"] * 2 + ["dut"] * 2
# (leader/06 type, leader/07 level, share): books, serials, videos, scores, maps, music.
KINDS = [("a", "m", 78), ("a", "s", 8), ("g", "m", 5), ("c", "m", 3), ("e", "m", 2), ("j", "m", 4)]
HOLDINGS = [("MAIN", "STACKS", 40), ("MAIN", "REF", 5), ("MAIN", "PERIODICAL", 6), ("MAIN", "MEDIA", 6), ("SCI", "STACKS", 20), ("SCI", "JOURNALS", 5), ("MED", "STACKS", 15), ("MED", "RESERVE", 3)]
SYLLABLES = "ka lo mi ne ru sa te vo zi pa bre dan fel gor hul jin kel lum mor nal por quin ros sul tir vek wen xor yal zen".split()


class Zipf:
    """Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1) ** exponent."""

    def __init__(self, n, exponent, rng):
        self.rng = rng
        weights = [1.0 / (rank + 1) ** exponent for rank in range(n)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self):
        return bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])


def made_up_words(count, rng, taken):
    words = []
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 3, 3, 4])))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def field(tag, ind, subfields):
    return tag, ind + "".join("\x1f" + code + value for code, value in subfields) + "\x1e"


def iso2709(leader_type, leader_level, fields):
    directory, data, offset = [], [], 0
    for tag, content in fields:
        encoded = content.encode("utf-8")
        directory.append(f"{tag}{len(encoded):04d}{offset:05d}".encode())
        data.append(encoded)
        offset += len(encoded)
    directory_bytes = b"".join(directory) + b"\x1e"
    base = 24 + len(directory_bytes)
    length = base + offset + 1
    leader = f"{length:05d}n{leader_type}{leader_level} a22{base:05d} i 4500".encode()
    return leader + directory_bytes + b"".join(data) + b"\x1d"


def weighted(rng, choices):
    return rng.choices(choices, weights=[c[-1] for c in choices])[0]


def main():
    count = int(sys.argv[1])
    output = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    taken = set(w.lower() for w in STOP_WORDS + TITLE_WORDS)
    head = STOP_WORDS + list(dict.fromkeys(TITLE_WORDS))
    vocabulary = head + made_up_words(200_000 - len(head), rng, taken)
    words = Zipf(len(vocabulary), 1.0, rng)
    surnames = SURNAMES + [w.capitalize() for w in made_up_words(60_000, rng, taken)]
    surname = Zipf(len(surnames), 0.9, rng)
    headings = Zipf(30_000, 1.0, rng)
    barcode = itertools.count(50_000_000_000_000)
    with open(output, "wb") as out:
        for index in range(count):
            kind = weighted(rng, KINDS)
            length = rng.choice([2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12])
            title = [vocabulary[words.draw()] for _ in range(length)]
            title[0] = title[0].capitalize()
            year = max(1850, min(2025, int(rng.gauss(1995, 22))))
            language = rng.choice(LANGUAGES)
            fields = [("008", f"250101s{year}    xx            000 0 {language} d\x1e")]
            fields.append(field("035", "  ", [("a", f"(BENCH){index + 1:09d}")]))
            author = f"{surnames[surname.draw()]}, {rng.choice(GIVEN_NAMES)}"
            fields.append(field("100", "1 ", [("a", author + ","), ("e", "author.")]))
            fields.append(field("245", "10", [("a", " ".join(title) + " /"), ("c", "by " + author + ".")]))
            fields.append(field("264", " 1", [("a", "London :"), ("b", "Lectern Press,"), ("c", f"{year}.")]))
            fields.append(field("300", "  ", [("a", f"{rng.randint(40, 900)} pages ;"), ("c", "24 cm")]))
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                rank = headings.draw()
                topic = " ".join(vocabulary[len(STOP_WORDS) + (rank * 7 + k) % (len(vocabulary) - len(STOP_WORDS))] for k in range(rng.choice([1, 2]))).capitalize()
                fields.append(field("650", " 0", [("a", topic), ("x", SUBJECT_FORMS[rank % len(SUBJECT_FORMS)] + ".")]))
            for _ in range(rng.choice([0, 0, 0, 1, 2])):
                fields.append(field("700", "1 ", [("a", f"{surnames[surname.draw()]}, {rng.choice(GIVEN_NAMES)},"), ("e", "editor.")]))
            library, location, _ = weighted(rng, HOLDINGS)
            fields.append(field("852", "0 ", [("8", "1"), ("b", library), ("c", location), ("h", f"Q{rng.randint(1, 999)}")]))
            for copy in range(rng.choice([1, 1, 2])):
                fields.append(field("876", "  ", [("8", "1"), ("p", str(next(barcode))), ("t", str(copy + 1)), ("w", "BOOK")]))
            out.write(iso2709(kind[0], kind[1], fields))


if __name__ == "__main__":
    main()
