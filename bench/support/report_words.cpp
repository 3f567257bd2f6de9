#include "report_words.h"

#include <array>

namespace fv::bench::words {

namespace {

using sv = std::string_view;

constexpr std::array kZhTimes{
    sv{"上周三晚上"}, sv{"去年十月"}, sv{"今天早上"}, sv{"前天下午"}, sv{"春节前后"}, sv{"三月中旬"},
    sv{"上个月底"},   sv{"昨天深夜"}, sv{"两周前"},   sv{"中秋节期间"}, sv{"我刚下班的时候"}, sv{"元旦那天"},
    sv{"开学第一周"}, sv{"大约半年前"}, sv{"周末的时候"}, sv{"去年夏天"}};
constexpr std::array kZhActors{
    sv{"两名自称国内公安的人"}, sv{"一个说自己是国保的男子"}, sv{"大使馆的一位工作人员"},
    sv{"当地华人社团的负责人"}, sv{"一名不愿透露姓名的警察"}, sv{"老家派出所的民警"},
    sv{"一个陌生的微信账号"},   sv{"我以前的同学"},           sv{"所谓海外服务站的人"},
    sv{"一位自称记者的女士"},   sv{"领事馆的一名官员"},       sv{"一个私家侦探"},
    sv{"我表哥的一个朋友"},     sv{"国安局的两个人"},         sv{"同乡会的会长"}};
constexpr std::array kZhActions{
    sv{"打电话给我母亲"},   sv{"在微信上联系我"},       sv{"到我父母家里"},     sv{"给我发了好几条语音消息"},
    sv{"在公寓楼下等我"},   sv{"跟踪我到学校"},         sv{"约我去咖啡馆见面"}, sv{"找到我在国内的弟弟"},
    sv{"把我父亲带去派出所问话"}, sv{"冻结了我在国内的银行卡"}, sv{"在推特上私信我"}, sv{"拍了我家门口的照片"},
    sv{"向我的房东打听我的情况"}, sv{"用一个境外号码打给我"}, sv{"在集会现场拍摄我"}};
constexpr std::array kZhDemands{
    sv{"要求我马上回国"},       sv{"让我删除推特上的帖子"},     sv{"要我停止参加集会"},
    sv{"让我提供其他留学生的情况"}, sv{"威胁说如果不配合就会影响家人的工作"}, sv{"说我的护照到期后不会续签"},
    sv{"警告我不要再接受媒体采访"}, sv{"暗示我弟弟可能会丢掉工作"}, sv{"让我去领事馆“喝茶”"},
    sv{"要我写一份悔过书"},     sv{"说只要回去就既往不咎"},     sv{"要求我交出社交媒体的密码"}};
constexpr std::array kZhAftermath{
    sv{"我非常害怕，晚上睡不着觉。"}, sv{"之后我关闭了所有社交媒体账号。"}, sv{"我没有告诉任何朋友这件事。"},
    sv{"我的母亲在电话里一直哭。"},   sv{"我已经向当地警察报案，但还没有回音。"}, sv{"我开始担心自己的人身安全。"},
    sv{"这种情况已经持续了半年多。"}, sv{"我换了手机号码，但他们还是找到了我。"}, sv{"我保存了所有聊天记录和通话录音。"},
    sv{"我的签证申请因此受到了影响。"}, sv{"父亲后来告诉我，他们每周都去家里。"}, sv{"我不敢再给家里打电话。"}};
constexpr std::array kZhTitles{
    sv{"家人被约谈"}, sv{"微信威胁"},   sv{"被跟踪"},     sv{"电话骚扰"},   sv{"要求回国"}, sv{"银行卡被冻结"},
    sv{"领事馆约见"}, sv{"集会被拍摄"}, sv{"父亲被带走问话"}, sv{"护照不予续签"}, sv{"被要求举报同学"}, sv{"网络钓鱼邮件"}};
constexpr std::array kZhRelatives{sv{"母亲"}, sv{"父亲"}, sv{"弟弟"}, sv{"姐姐"}, sv{"舅舅"}, sv{"外婆"}, sv{"表哥"}, sv{"妻子"}};
constexpr std::array kZhPlaces{
    sv{"学校图书馆门口"}, sv{"公寓楼下"}, sv{"中餐馆里"}, sv{"地铁站出口"}, sv{"领事馆附近"}, sv{"超市停车场"}, sv{"教会门口"}};

constexpr std::array kEnTimes{
    sv{"Last Wednesday evening"}, sv{"In early October"}, sv{"This morning"}, sv{"The day before yesterday"},
    sv{"Around Lunar New Year"},  sv{"In mid-March"},     sv{"At the end of last month"}, sv{"Late last night"},
    sv{"Two weeks ago"},          sv{"During the Mid-Autumn Festival"}, sv{"Just after I left work"},
    sv{"On New Year's Day"},      sv{"In the first week of term"}, sv{"About six months ago"}, sv{"Over the weekend"},
    sv{"Last summer"}};
constexpr std::array kEnActors{
    sv{"two men who said they were from the Public Security Bureau"}, sv{"a man who said he was from state security"},
    sv{"an official from the embassy"}, sv{"the head of a local community association"},
    sv{"a police officer who would not give his name"}, sv{"an officer from my hometown police station"},
    sv{"an unknown WeChat account"}, sv{"a former classmate"}, sv{"someone from the so-called overseas service station"},
    sv{"a woman claiming to be a journalist"}, sv{"a consular official"}, sv{"a private investigator"},
    sv{"a friend of my cousin"}, sv{"two people from the Ministry of State Security"},
    sv{"the chairman of the hometown association"}};
constexpr std::array kEnActions{
    sv{"called my mother"}, sv{"contacted me on WeChat"}, sv{"visited my parents' home"},
    sv{"sent me several voice messages"}, sv{"waited outside my apartment"}, sv{"followed me to campus"},
    sv{"asked to meet me at a cafe"}, sv{"tracked down my brother back home"},
    sv{"took my father to the police station for questioning"}, sv{"froze my bank account at home"},
    sv{"sent me a direct message on Twitter"}, sv{"photographed the front of my house"},
    sv{"asked my landlord about me"}, sv{"rang me from a foreign number"}, sv{"filmed me at a rally"}};
constexpr std::array kEnDemands{
    sv{"and demanded that I return immediately"}, sv{"and told me to delete my posts on Twitter"},
    sv{"and wanted me to stop attending protests"}, sv{"and asked me to report on other students"},
    sv{"and threatened that my family would lose their jobs if I did not cooperate"},
    sv{"and said my passport would not be renewed"}, sv{"and warned me not to talk to the media again"},
    sv{"and hinted that my brother might lose his job"}, sv{"and invited me to the consulate to \"drink tea\""},
    sv{"and wanted me to write a letter of repentance"}, sv{"and promised that all would be forgiven if I went back"},
    sv{"and demanded the passwords of my social media accounts"}};
constexpr std::array kEnAftermath{
    sv{"I am very frightened and cannot sleep at night."}, sv{"Afterwards I closed all my social media accounts."},
    sv{"I have not told any friends about this."}, sv{"My mother kept crying on the phone."},
    sv{"I reported it to the local police but have heard nothing back."}, sv{"I have started to fear for my safety."},
    sv{"This has been going on for more than six months."}, sv{"I changed my phone number but they found me again."},
    sv{"I have kept all the chat logs and call recordings."}, sv{"My visa application was affected by this."},
    sv{"My father later told me they come to the house every week."}, sv{"I no longer dare to call home."}};
constexpr std::array kEnTitles{
    sv{"Family questioned"}, sv{"Threats on WeChat"}, sv{"Followed home"}, sv{"Harassing phone calls"},
    sv{"Told to return"}, sv{"Bank account frozen"}, sv{"Summoned by consulate"}, sv{"Filmed at a rally"},
    sv{"Father taken for questioning"}, sv{"Passport renewal refused"}, sv{"Asked to inform on classmates"},
    sv{"Phishing email"}};
constexpr std::array kEnRelatives{sv{"mother"}, sv{"father"}, sv{"brother"}, sv{"sister"}, sv{"uncle"},
                                  sv{"grandmother"}, sv{"cousin"}, sv{"wife"}};
constexpr std::array kEnPlaces{sv{"outside the university library"}, sv{"below my apartment"}, sv{"in a Chinese restaurant"},
                               sv{"at the subway exit"}, sv{"near the consulate"}, sv{"in the supermarket car park"},
                               sv{"outside the church"}};

constexpr std::array kCities{sv{"Toronto"}, sv{"Vancouver"}, sv{"New York"}, sv{"London"}, sv{"Sydney"},
                             sv{"Melbourne"}, sv{"Paris"}, sv{"Berlin"}, sv{"Amsterdam"}, sv{"Tokyo"},
                             sv{"Auckland"}, sv{"Dublin"}};
constexpr std::array kSurnames{sv{"王"}, sv{"李"}, sv{"张"}, sv{"刘"}, sv{"陈"}, sv{"杨"}, sv{"黄"}, sv{"赵"},
                               sv{"吴"}, sv{"周"}, sv{"徐"}, sv{"孙"}, sv{"马"}, sv{"朱"}, sv{"胡"}, sv{"郭"}};
constexpr std::array kGivenNames{sv{"伟"}, sv{"芳"}, sv{"娜"}, sv{"敏"}, sv{"静"}, sv{"强"}, sv{"磊"}, sv{"军"},
                                 sv{"洋"}, sv{"勇"}, sv{"艳"}, sv{"杰"}, sv{"涛"}, sv{"明"}, sv{"超"}, sv{"秀英"},
                                 sv{"建国"}, sv{"晓东"}, sv{"志强"}, sv{"海燕"}};

const Lists kChinese{kZhTimes, kZhActors, kZhActions, kZhDemands, kZhAftermath, kZhTitles, kZhRelatives, kZhPlaces};
const Lists kEnglish{kEnTimes, kEnActors, kEnActions, kEnDemands, kEnAftermath, kEnTitles, kEnRelatives, kEnPlaces};

}  // namespace

const Lists& chinese() { return kChinese; }
const Lists& english() { return kEnglish; }
std::span<const std::string_view> cities() { return kCities; }
std::span<const std::string_view> chinese_surnames() { return kSurnames; }
std::span<const std::string_view> chinese_given_names() { return kGivenNames; }

}  // namespace fv::bench::words
