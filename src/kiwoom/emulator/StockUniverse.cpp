#include "kiwoomd/kiwoom/emulator/StockUniverse.h"

#include "kiwoomd/kiwoom/emulator/SeededRandom.h"

#include <cmath>
#include <cstdio>

namespace kiwoomd::emulator {
namespace {

// Real codes and names of large, well-known issues; the price is a rough level for the random
// walk to start from, not a quote.
const Listing kKospi[] = {
    {"005930", "삼성전자", Exchange::Kospi, 71000},
    {"000660", "SK하이닉스", Exchange::Kospi, 182000},
    {"373220", "LG에너지솔루션", Exchange::Kospi, 376000},
    {"207940", "삼성바이오로직스", Exchange::Kospi, 905000},
    {"005380", "현대차", Exchange::Kospi, 231000},
    {"000270", "기아", Exchange::Kospi, 96500},
    {"068270", "셀트리온", Exchange::Kospi, 178000},
    {"005490", "POSCO홀딩스", Exchange::Kospi, 352000},
    {"035420", "NAVER", Exchange::Kospi, 189000},
    {"035720", "카카오", Exchange::Kospi, 44550},
    {"051910", "LG화학", Exchange::Kospi, 348000},
    {"006400", "삼성SDI", Exchange::Kospi, 341000},
    {"105560", "KB금융", Exchange::Kospi, 76400},
    {"055550", "신한지주", Exchange::Kospi, 50300},
    {"012330", "현대모비스", Exchange::Kospi, 229500},
    {"028260", "삼성물산", Exchange::Kospi, 131200},
    {"066570", "LG전자", Exchange::Kospi, 94800},
    {"003670", "포스코퓨처엠", Exchange::Kospi, 248000},
    {"096770", "SK이노베이션", Exchange::Kospi, 112300},
    {"017670", "SK텔레콤", Exchange::Kospi, 52400},
    {"030200", "KT", Exchange::Kospi, 36150},
    {"015760", "한국전력", Exchange::Kospi, 20350},
    {"034730", "SK", Exchange::Kospi, 158700},
    {"003550", "LG", Exchange::Kospi, 79600},
    {"032830", "삼성생명", Exchange::Kospi, 80900},
    {"086790", "하나금융지주", Exchange::Kospi, 55400},
    {"316140", "우리금융지주", Exchange::Kospi, 14280},
    {"009150", "삼성전기", Exchange::Kospi, 139800},
    {"018260", "삼성에스디에스", Exchange::Kospi, 151300},
    {"011200", "HMM", Exchange::Kospi, 18120},
    {"010130", "고려아연", Exchange::Kospi, 497000},
    {"329180", "HD현대중공업", Exchange::Kospi, 148600},
    {"012450", "한화에어로스페이스", Exchange::Kospi, 251000},
    {"259960", "크래프톤", Exchange::Kospi, 252500},
    {"033780", "KT&G", Exchange::Kospi, 90200},
    {"010950", "S-Oil", Exchange::Kospi, 64800},
    {"090430", "아모레퍼시픽", Exchange::Kospi, 131700},
    {"251270", "넷마블", Exchange::Kospi, 54900},
    {"036570", "엔씨소프트", Exchange::Kospi, 198400},
    {"024110", "기업은행", Exchange::Kospi, 14010},
    {"000810", "삼성화재", Exchange::Kospi, 301500},
    {"047050", "포스코인터내셔널", Exchange::Kospi, 50600},
    {"042660", "한화오션", Exchange::Kospi, 27850},
    {"009540", "HD한국조선해양", Exchange::Kospi, 129900},
    {"034020", "두산에너빌리티", Exchange::Kospi, 19980},
    {"064350", "현대로템", Exchange::Kospi, 40150},
    {"011170", "롯데케미칼", Exchange::Kospi, 101300},
    {"004020", "현대제철", Exchange::Kospi, 27950},
    {"000100", "유한양행", Exchange::Kospi, 70100},
    {"128940", "한미약품", Exchange::Kospi, 298500},
    {"323410", "카카오뱅크", Exchange::Kospi, 21950},
    {"377300", "카카오페이", Exchange::Kospi, 30150},
    {"352820", "하이브", Exchange::Kospi, 199800},
    {"302440", "SK바이오사이언스", Exchange::Kospi, 50200},
    {"011780", "금호석유", Exchange::Kospi, 130400},
    {"097950", "CJ제일제당", Exchange::Kospi, 298000},
    {"271560", "오리온", Exchange::Kospi, 99800},
    {"139480", "이마트", Exchange::Kospi, 64900},
    {"023530", "롯데쇼핑", Exchange::Kospi, 69700},
    {"282330", "BGF리테일", Exchange::Kospi, 119600},
    {"008770", "호텔신라", Exchange::Kospi, 54800},
    {"001040", "CJ", Exchange::Kospi, 99500},
    {"003490", "대한항공", Exchange::Kospi, 22150},
    {"010140", "삼성중공업", Exchange::Kospi, 9110},
    {"267250", "HD현대", Exchange::Kospi, 70300},
    {"042700", "한미반도체", Exchange::Kospi, 101200},
    {"000720", "현대건설", Exchange::Kospi, 32250},
    {"006800", "미래에셋증권", Exchange::Kospi, 7980},
    {"016360", "삼성증권", Exchange::Kospi, 40050},
    {"039490", "키움증권", Exchange::Kospi, 119800},
    {"071050", "한국금융지주", Exchange::Kospi, 64900},
    {"138040", "메리츠금융지주", Exchange::Kospi, 80100},
    {"241560", "두산밥캣", Exchange::Kospi, 45250},
    {"011070", "LG이노텍", Exchange::Kospi, 198700},
    {"034220", "LG디스플레이", Exchange::Kospi, 10120},
    {"161390", "한국타이어앤테크놀로지", Exchange::Kospi, 49800},
    {"004990", "롯데지주", Exchange::Kospi, 24950},
    {"000880", "한화", Exchange::Kospi, 28100},
    {"009830", "한화솔루션", Exchange::Kospi, 29950},
    {"078930", "GS", Exchange::Kospi, 44900},
    {"036460", "한국가스공사", Exchange::Kospi, 30100},
    {"002380", "KCC", Exchange::Kospi, 249500},
    {"005830", "DB손해보험", Exchange::Kospi, 100200},
    {"021240", "코웨이", Exchange::Kospi, 60300},
    {"030000", "제일기획", Exchange::Kospi, 18090},
    {"035250", "강원랜드", Exchange::Kospi, 17120},
    {"006260", "LS", Exchange::Kospi, 99700},
    {"010120", "LS ELECTRIC", Exchange::Kospi, 150200},
    {"047810", "한국항공우주", Exchange::Kospi, 55100},
    {"079550", "LIG넥스원", Exchange::Kospi, 199500},
    {"272210", "한화시스템", Exchange::Kospi, 18040},
    {"180640", "한진칼", Exchange::Kospi, 60200},
    {"000150", "두산", Exchange::Kospi, 149800},
    {"028050", "삼성E&A", Exchange::Kospi, 25150},
    {"086280", "현대글로비스", Exchange::Kospi, 119900},
    {"011790", "SKC", Exchange::Kospi, 120300},
    {"005940", "NH투자증권", Exchange::Kospi, 13050},
    {"029780", "삼성카드", Exchange::Kospi, 40100},
    {"088350", "한화생명", Exchange::Kospi, 2995},
    {"001450", "현대해상", Exchange::Kospi, 32150},
    {"051900", "LG생활건강", Exchange::Kospi, 349500},
    {"004370", "농심", Exchange::Kospi, 398000},
    {"007310", "오뚜기", Exchange::Kospi, 401000},
    {"383220", "F&F", Exchange::Kospi, 69800},
};

const Listing kKosdaq[] = {
    {"247540", "에코프로비엠", Exchange::Kosdaq, 198500},
    {"086520", "에코프로", Exchange::Kosdaq, 90400},
    {"028300", "HLB", Exchange::Kosdaq, 80300},
    {"196170", "알테오젠", Exchange::Kosdaq, 301000},
    {"277810", "레인보우로보틱스", Exchange::Kosdaq, 180200},
    {"263750", "펄어비스", Exchange::Kosdaq, 35150},
    {"293490", "카카오게임즈", Exchange::Kosdaq, 19870},
    {"035900", "JYP Ent.", Exchange::Kosdaq, 60100},
    {"041510", "에스엠", Exchange::Kosdaq, 70200},
    {"122870", "와이지엔터테인먼트", Exchange::Kosdaq, 40150},
    {"068760", "셀트리온제약", Exchange::Kosdaq, 80100},
    {"145020", "휴젤", Exchange::Kosdaq, 250500},
    {"214150", "클래시스", Exchange::Kosdaq, 40250},
    {"058470", "리노공업", Exchange::Kosdaq, 199900},
    {"039030", "이오테크닉스", Exchange::Kosdaq, 150300},
    {"357780", "솔브레인", Exchange::Kosdaq, 249000},
    {"240810", "원익IPS", Exchange::Kosdaq, 30050},
    {"036930", "주성엔지니어링", Exchange::Kosdaq, 30150},
    {"112040", "위메이드", Exchange::Kosdaq, 35200},
    {"078340", "컴투스", Exchange::Kosdaq, 40100},
    {"141080", "리가켐바이오", Exchange::Kosdaq, 90200},
    {"328130", "루닛", Exchange::Kosdaq, 50100},
    {"403870", "HPSP", Exchange::Kosdaq, 30250},
    {"348370", "엔켐", Exchange::Kosdaq, 150100},
    {"253450", "스튜디오드래곤", Exchange::Kosdaq, 40050},
    {"035760", "CJ ENM", Exchange::Kosdaq, 70100},
    {"086900", "메디톡스", Exchange::Kosdaq, 150200},
    {"215600", "신라젠", Exchange::Kosdaq, 3510},
    {"067160", "SOOP", Exchange::Kosdaq, 99900},
    {"084370", "유진테크", Exchange::Kosdaq, 40200},
    {"140860", "파크시스템스", Exchange::Kosdaq, 150400},
    {"005290", "동진쎄미켐", Exchange::Kosdaq, 30100},
    {"272290", "이녹스첨단소재", Exchange::Kosdaq, 25050},
    {"096530", "씨젠", Exchange::Kosdaq, 25150},
    {"237690", "에스티팜", Exchange::Kosdaq, 80200},
    {"065350", "신성델타테크", Exchange::Kosdaq, 40300},
    {"095340", "ISC", Exchange::Kosdaq, 60200},
    {"039200", "오스코텍", Exchange::Kosdaq, 30050},
    {"000250", "삼천당제약", Exchange::Kosdaq, 99800},
    {"298380", "에이비엘바이오", Exchange::Kosdaq, 30100},
    {"041190", "우리기술투자", Exchange::Kosdaq, 8010},
    {"032500", "케이엠더블유", Exchange::Kosdaq, 12050},
    {"025980", "아난티", Exchange::Kosdaq, 6020},
    {"053800", "안랩", Exchange::Kosdaq, 60100},
    {"030520", "한글과컴퓨터", Exchange::Kosdaq, 20050},
    {"036540", "SFA반도체", Exchange::Kosdaq, 4010},
    {"222800", "심텍", Exchange::Kosdaq, 25100},
    {"064760", "티씨케이", Exchange::Kosdaq, 100200},
    {"183300", "코미코", Exchange::Kosdaq, 50100},
    {"319660", "피에스케이", Exchange::Kosdaq, 20150},
    {"121600", "나노신소재", Exchange::Kosdaq, 80100},
    {"137400", "피엔티", Exchange::Kosdaq, 40050},
    {"095660", "네오위즈", Exchange::Kosdaq, 20100},
    {"194480", "데브시스터즈", Exchange::Kosdaq, 40200},
    {"069080", "웹젠", Exchange::Kosdaq, 15020},
    {"214450", "파마리서치", Exchange::Kosdaq, 199800},
    {"085660", "차바이오텍", Exchange::Kosdaq, 15050},
    {"365340", "성일하이텍", Exchange::Kosdaq, 50200},
    {"376300", "디어유", Exchange::Kosdaq, 25050},
    {"035600", "KG이니시스", Exchange::Kosdaq, 10020},
    {"078600", "대주전자재료", Exchange::Kosdaq, 80300},
    {"090460", "비에이치", Exchange::Kosdaq, 20150},
};

// A plausible price level: log-uniform between 2,000 and 300,000 KRW.
std::int64_t generatedPrice(SeededRandom& random) {
    return static_cast<std::int64_t>(std::exp(random.uniform(std::log(2000.0), std::log(300000.0))));
}

} // namespace

const std::vector<Listing>& wellKnownListings() {
    static const std::vector<Listing> listings = [] {
        std::vector<Listing> all(std::begin(kKospi), std::end(kKospi));
        all.insert(all.end(), std::begin(kKosdaq), std::end(kKosdaq));
        return all;
    }();
    return listings;
}

std::vector<Listing> buildUniverse(std::size_t minimumSize, std::uint64_t seed) {
    std::vector<Listing> universe = wellKnownListings();
    SeededRandom random(seed ^ 0x5EED0F0E1A1ULL);
    int kospiCount = 0;
    int kosdaqCount = 0;
    while (universe.size() < minimumSize) {
        // KOSDAQ lists more issues than KOSPI; keep about that mix among generated ones.
        const bool kosdaq = random.chance(0.6);
        const int number = kosdaq ? ++kosdaqCount : ++kospiCount;
        char code[8];
        char name[40];
        std::snprintf(code, sizeof code, "99%d%03d", kosdaq ? 5 : 0, number % 1000);
        std::snprintf(name, sizeof name, "가상%s%03d", kosdaq ? "코스닥" : "코스피", number);
        Listing listing;
        listing.code = code;
        listing.name = name;
        listing.exchange = kosdaq ? Exchange::Kosdaq : Exchange::Kospi;
        listing.referencePrice = generatedPrice(random);
        listing.administrative = random.chance(0.03);
        listing.generated = true;
        universe.push_back(std::move(listing));
    }
    return universe;
}

} // namespace kiwoomd::emulator
