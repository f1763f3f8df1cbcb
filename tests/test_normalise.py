"""Normalise stage: traditional -> simplified, pinyin stripped, widths folded, offsets exact."""
import pytest

from kg.prepare.normalise import fold_characters, fold_one_by_one, is_pinyin_syllable, normalise, strip_pinyin, to_simplified

# Forms in the manner of seed 003 (a simplified page auto-converted to traditional,
# with pinyin after some characters), with invented names, and what they must become.
SEED_003_FORMS = [
    ("社區(qū)", "社区"),
    ("黨建引領(lǐng)", "党建引领"),
    ("晨光網(wǎng)", "晨光网"),
    ("長風(fēng)路街道清溪社區(qū)", "长风路街道清溪社区"),
    ("服務(wù)", "服务"),
    ("基礎(chǔ)設(shè)施", "基础设施"),
    ("學(xué)習(xí)空間", "学习空间"),
    ("文章來源: 晨光網(wǎng)  時間: 2023-05-16 09:12", "文章来源: 晨光网  时间: 2023-05-16 09:12"),
    ("“小區(qū)run”真熱鬧", "“小区run”真热闹"),
    ("走進36℃驛站", "走进36℃驿站"),
    # Irrecoverable mojibake stays as it is: no character is invented.
    ("組建“暖心幫?bāng)}”志願服務隊", "组建“暖心帮?bāng)}”志愿服务队"),
]

def test_pinyin_after_a_non_cjk_mark_is_kept_and_mojibake_is_not_repaired():
    # "^" is not a CJK character, so "(qū)" after it is not an annotation; the
    # mojibake around it is converted character by character like any text, so
    # its length stays and the readable ends convert as they would alone.
    text = "變?yōu)樯鐓^(qū)治理"
    out = normalise(text).text
    assert len(out) == len(text)
    assert out.startswith("变?yōu)") and out.endswith("^(qū)治理")


# Cases written for this test.
HAND_CASES = [
    # pinyin: tone marks and ü, full-width brackets, only after CJK characters
    ("綠(lǜ)化", "绿化"),
    ("旅(lǚ)遊", "旅游"),
    ("長(zhǎng)沙", "长沙"),
    ("區（qū）委", "区委"),
    ("(记者周明远)", "(记者周明远)"),
    ("(相关资料图)", "(相关资料图)"),
    ("第(二)条", "第(二)条"),
    ("社区(App)上线", "社区(App)上线"),
    ("社区(walk)", "社区(walk)"),  # no tone mark: an English word, not pinyin
    ("社区(xyź)", "社区(xyź)"),  # not a syllable
    ("abc(qū)", "abc(qū)"),  # not after a CJK character
    # a syllable glued to its character without brackets, as some converters print it
    ("龍lóng泉社區qū", "龙泉社区"),
    ("服務wù中心：", "服务中心:"),
    ("綠lǜ化", "绿化"),
    ("小區run", "小区run"),  # no tone mark
    ("走進café", "走进café"),  # not a syllable
    ("長沙chángshā", "长沙chángshā"),  # a romanised word, not one syllable after its character
    ("社區Wǎng", "社区Wǎng"),  # a capital: a word, not a gloss
    # width folding: full-width ASCII to ASCII, Chinese-only marks kept
    ("ＡＢＣ１２３", "ABC123"),
    ("（记者王丽）", "(记者王丽)"),
    ("通知：今天，明天！", "通知:今天,明天!"),
    ("“你好”。《党章》、【公告】", "“你好”。《党章》、【公告】"),
    ("面积１２５０㎡，气温１８℃", "面积1250㎡,气温18℃"),
    ("①②", "①②"),
    # radicals that look like ideographs
    ("⻄湖社区", "西湖社区"),
    ("⻓沙市", "长沙市"),
    ("⼈民路", "人民路"),  # Kangxi radical MAN
    ("⻔口", "门口"),
    # spaces and lines
    ("党建\u3000引领", "党建 引领"),
    ("党建\xa0引领", "党建 引领"),
    ("一行\r\n二行\r三行", "一行\n二行\n三行"),
    ("零\u200b宽", "零宽"),
    # traditional -> simplified, phrase level
    ("頭髮", "头发"),
    ("乾燥", "干燥"),
    ("乾隆", "乾隆"),
    ("計程車", "计程车"),  # tw2s, not tw2sp: vocabulary is not rewritten
    # Taiwan's 著 for the particle 着 becomes 着; 著 of 著名 and 著作 stays
    ("村裡的燈還亮著,大家跟著老師念。", "村里的灯还亮着,大家跟着老师念。"),
    ("著名的著作", "著名的著作"),
    ("志願者", "志愿者"),
    # a lone surrogate (found by the fuzz test: OpenCC raised on it) becomes U+FFFD
    ("社區\ud800黨委", "社区\ufffd党委"),
    ("\udfff", "\ufffd"),
    ("\ud83d\ude00社区", "\ufffd\ufffd社区"),  # a pair left split is two lone ones
]


def test_a_lone_surrogate_keeps_its_place_in_the_map():
    # 社 區 \ud800 黨 委 at 0-4; "(wěi)" at 5-9 is stripped, so the end maps to the end, 10
    assert normalise("社區\ud800黨委(wěi)").to_original == (0, 1, 2, 3, 4, 10)


@pytest.mark.parametrize(("raw", "expected"), SEED_003_FORMS + HAND_CASES)
def test_normalise(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("qū", True), ("lǐng", True), ("zhuàng", True), ("lǚ", True), ("nü", True),
     ("qu", False), ("walk", False), ("fā", True), ("ǎb", False), ("xyzà", False)],
)
def test_is_pinyin_syllable(word, expected):
    assert is_pinyin_syllable(word) is expected


def _assert_map_exact(raw: str) -> None:
    """Every normalised character maps to an original position, in order, and the end maps to the end."""
    result = normalise(raw)
    to_original = result.to_original
    assert len(to_original) == len(result.text) + 1
    assert to_original[-1] == len(raw)
    assert list(to_original) == sorted(to_original)


@pytest.mark.parametrize("raw", [case for case, _ in SEED_003_FORMS + HAND_CASES])
def test_offset_map_is_monotonic_and_complete(raw):
    _assert_map_exact(raw)


def test_offset_map_points_at_the_original_substring():
    raw = "長風(fēng)路街道清溪社區(qū)黨委書記（ＡＢ）\r\n⻄湖社區(qū)"
    result = normalise(raw)
    assert result.text == "长风路街道清溪社区党委书记(AB)\n西湖社区"
    start = result.text.index("清溪社区党委")
    end = start + len("清溪社区党委")
    o_start, o_end = result.original_span(start, end)
    assert raw[o_start:o_end] == "清溪社區(qū)黨委"
    o_start, o_end = result.original_span(result.text.index("西湖"), len(result.text))
    assert raw[o_start:o_end] == "⻄湖社區(qū)"
    o_start, o_end = result.original_span(result.text.index("(AB)"), result.text.index("(AB)") + 4)
    assert raw[o_start:o_end] == "（ＡＢ）"


def test_offset_map_on_seed_003():
    from pathlib import Path

    raw = (Path(__file__).parents[1] / "seeds" / "003_4ac0dcfb27e80ef8.txt").read_text("utf-8")
    result = normalise(raw)
    _assert_map_exact(raw)
    assert "(qū)" not in result.text.replace("^(qū)", "")
    # each simplified character maps onto its traditional original
    at = result.text.index("浏河社区辖区面积")
    o_start, o_end = result.original_span(at, at + len("浏河社区辖区面积"))
    assert raw[o_start:o_end] == "瀏河社區(qū)轄區(qū)面積"


def test_each_pass_keeps_an_index_per_character():
    text, index = strip_pinyin("社區(qū)好")
    assert (text, index) == ("社區好", [0, 1, 6, 7])
    text, index = fold_characters("Ａ\r\nb")
    assert (text, index) == ("A\nb", [0, 1, 3, 4])


# Texts for both ways of folding: nothing to fold, full widths, radicals and compatibility
# ideographs, odd spaces, characters deleted (zero width, soft hyphen, BOM), line separators, \r\n
# and a lone \r, a lone surrogate, and mixtures that keep or change the length.
FOLD_CASES = [
    "",
    "社区党委书记",
    "ＡＢＣ１２３，（全角）！",
    "\u2f08\u2e8f\uf900\uf9dc",
    "甲\u3000乙\u00a0丙\u2003丁",
    "零\u200b宽\u00ad字\ufeff符",
    "行\u2028段\u2029页\u000c尾\u0085",
    "一\r\n二\r三\n四",
    "坏\ud800字",
    "Ｔ\u200bＷ\r\nＯ",
]


@pytest.mark.parametrize("text", FOLD_CASES)
def test_folding_at_once_gives_what_folding_one_by_one_gives(text):
    assert fold_characters(text) == fold_one_by_one(text)


def test_a_text_is_looked_up_in_the_fold_table_exactly_when_it_holds_a_character_the_table_folds():
    from kg.prepare.normalise import _FOLD, _FOLDABLE

    assert [c for c in range(0x110000) if _FOLDABLE.search(chr(c))] == sorted(map(ord, _FOLD))


def test_to_simplified_maps_a_length_changing_conversion_into_its_piece():
    # a stand-in converter that turns one word into a longer one, as some phrase tables do
    def convert(text):
        return text.replace("甲乙", "丙丁戊")

    text, index = to_simplified("前,甲乙,后\n尾", convert)
    assert text == "前,丙丁戊,后\n尾"
    assert len(index) == len(text) + 1
    assert index[:2] == [0, 1]  # 前 and the comma map one to one
    assert all(2 <= i <= 3 for i in index[2:5])  # 丙丁戊 map inside 甲乙
    assert index[5:] == [4, 5, 6, 7, 8]


def test_to_simplified_maps_each_line_when_lengths_change_but_not_the_total():
    # one line grows by a character and the next shrinks by one: the text keeps its length, the lines do not
    def convert(text):
        return text.replace("甲乙", "丙丁戊").replace("己庚辛", "壬癸")

    text, index = to_simplified("甲乙\n己庚辛", convert)
    assert text == "丙丁戊\n壬癸"
    assert all(0 <= i <= 1 for i in index[:3]) and index[3] == 2  # 丙丁戊 inside 甲乙, then the line break
    assert all(3 <= i <= 5 for i in index[4:6]) and index[6] == 6


def test_empty_text():
    assert normalise("").text == ""
    assert normalise("").to_original == (0,)


# A page cut to a fixed width: every line of a paragraph but its last is as wide as the others, and a name
# may straddle a break. Written for this test (a township clinic in the manner of a county paper).
WRAPPED = (
    "柳林铺镇卫生院开展送医下乡\n"
    "\n"
    "入秋以来，柳林铺镇卫生院组织医生分批进村，为留守老人免费测量血压、\n"
    "血糖，建立健康档案，还开通了远程会诊服务。卫生院党支部书记韦德\n"
    "明说，下一步将把巡诊范围扩大到全镇十二个行政村，让群众在家门口就能\n"
    "看上病。\n"
    "\n"
    "据统计，巡诊队已累计服务群众一千余人次，发放宣传资料三千多份，受到\n"
    "村民普遍欢迎。\n"
)


def test_the_line_breaks_inside_a_hard_wrapped_paragraph_are_deleted():
    normalised = normalise(WRAPPED)
    assert "书记韦德明说" in normalised.text and "测量血压、血糖" in normalised.text
    assert "欢迎。\n" in normalised.text and "送医下乡\n\n入秋" in normalised.text  # paragraphs stay apart
    at = normalised.text.index("明说")
    assert WRAPPED[normalised.to_original[at]] == "明"  # the map skips the deleted break


def test_short_lines_of_a_menu_or_a_list_are_not_joined():
    page = "首页\n时政要闻\n乡镇动态\n\n- 柳林铺镇召开秋收动员会 2024-09-02\n- 柳林铺镇开展送医下乡活动 2024-09-05\n"
    assert normalise(page).text == page


@pytest.mark.parametrize(("raw", "expected"), [
    ("杨文昇是村里的老会计", "杨文昇是村里的老会计"),  # a simplified page keeps its 昇
    ("社區黨委書記楊文昇", "社区党委书记杨文昇"),  # t2s converts the rest around it
    ("職務晉陞", "职务晋陞"),
])
def test_characters_the_simplified_standard_keeps_are_left_as_written(raw, expected):
    result = normalise(raw)
    assert result.text == expected and len(result.to_original) == len(expected) + 1


def test_a_simplified_page_is_left_as_written_where_t2s_would_change_a_name():
    # 乾 and 濛 are characters of the simplified standard that t2s folds into 干 and 蒙: on a simplified page
    # they are names (乾和社区, 濛阳街道); the few other changes of such a page are menu words (繁體)
    page = ("近日，乾和社区党委联合濛阳街道开展志愿服务活动，为辖区老人提供理发、量血压、修家电等服务。"
            "活动现场，志愿者们耐心细致，居民纷纷点赞。社区党委书记介绍，今年以来社区已开展各类志愿服务三十余场，"
            "服务居民两千余人次。\n简体 | 繁體\n")
    text = normalise(page).text
    assert "乾和社区" in text and "濛阳街道" in text and "繁體" in text
    # a traditional page is converted, names and all
    assert normalise("乾和社區黨委聯合濛陽街道開展志願服務活動。").text.startswith("干和社区党委联合蒙阳街道")


@pytest.mark.parametrize("char", ["昇", "陞", "蒐", "吒", "氾", "扞", "劄"])  # normalise.toml's simplified.standard
def test_each_character_of_the_standard_list_is_kept_in_a_page_t2s_changes(char):
    # the page also holds a traditional character, so t2s changes it and the kept character must be found
    assert normalise(f"社區{char}字").text == f"社区{char}字"
