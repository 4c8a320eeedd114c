//! Free-text comments, as patients type them on a phone or a kiosk:
//! Chinese, with full-width and ASCII commas, quotation marks and line
//! breaks — the characters that break naive CSV handling.

use super::splitmix::SplitMix64;

const PRAISE: &[&str] = &[
    "医生很好，讲得很清楚，就是排队太久了",
    "预约很准时，到了就看上了，点赞！",
    "出院手续在床边就办好了，很方便",
    "药师把用法用量写得很清楚",
    "医保结算很快，不用排队",
    "导诊台的阿姨很热情，指示牌也清楚",
    "醫生很耐心，護士態度也很好",
    "網上預約很方便，準時看到醫生",
    "The nurses were very patient and kind.",
    "The doctor explained everything clearly.",
    "护士很耐心，态度特别好，谢谢！",
    "医生讲得很清楚,我终于明白自己的病了。",
    "挂号、缴费都能在手机上办，方便多了",
    "志愿者阿姨推轮椅送我去做检查，很感动。",
    "住院期间饭菜不错，营养师还来问过我的饮食。",
    "出院后护士打电话来问\"伤口怎么样\"，很贴心。",
    "急诊的医生动作很快，感谢救了我父亲！",
    "比去年排队的时间短了很多，进步很大。",
    "检查结果在社区医院也能用，不用再跑一趟了",
    "环境干净，厕所也很整洁。",
];

const COMPLAINTS: &[&str] = &[
    "为什么做个CT要等一个星期？？？",
    "收费窗口的人态度不好，问两句就不耐烦",
    "专家号根本挂不上，一放号就没了",
    "挂号费120元，太贵了",
    "5号楼太难找了，绕了好几圈",
    "急诊分诊很乱，重病人也没人先看",
    "住院期间饭菜太难吃了",
    "卫生间很脏，有异味",
    "掛號排隊排了好久",
    "停車位太少，很難停車",
    "The ward was so noisy at night that I couldn't sleep.",
    "Discharge took all afternoon.",
    "我的电话13800001234，希望有人回访，药房经常缺药",
    "停车太难了，排了\"半个多小时\"才进停车场。",
    "候诊时间太长,预约了9点,11点才看上。",
    "自助机不会用，也没人教，老人很不方便",
    "缴费、取药、检查要在三栋楼之间来回跑。",
    "在别的医院刚做过CT，这里又让重做一次，费钱又费时间。",
    "晚上病房太吵，睡不好。",
    "医生说话太快，没听明白就让出去了。",
    "急诊人太多，等了很久都没人管。",
    "出院手续办了一上午，希望简化。",
    "说好会打电话随访，到现在也没人联系。",
];

const ADVICE: &[&str] = &[
    "建议多开几个缴费窗口。",
    "希望增加\"老年人专用\"窗口。",
    "建议指示牌做大一点,字看不清。",
    "希望手机上能查到排队到第几号。",
    "建议周末也开放专家门诊。",
    "收费能不能再透明一点？",
    "Please add more payment windows.",
];

fn pick(rng: &mut SplitMix64, pool: &[&'static str]) -> &'static str {
    pool[rng.below(pool.len() as u64) as usize]
}

/// A comment for a patient whose latent satisfaction is `z` (the caller
/// draws one for about 40% of patients, docs/scoring.md §14): mostly praise
/// when satisfied, complaints when not; sometimes two sentences on two
/// lines, sometimes a suggestion after a line break.
pub(crate) fn comment(rng: &mut SplitMix64, z: f64) -> String {
    let pool = if rng.chance(0.5 + 0.3 * z.clamp(-1.5, 1.5) / 1.5) {
        PRAISE
    } else {
        COMPLAINTS
    };
    let mut text = pick(rng, pool).to_owned();
    if rng.chance(0.3) {
        text.push('\n');
        text.push_str(pick(rng, pool));
    }
    if rng.chance(0.25) {
        text.push_str(if rng.chance(0.5) { "\r\n" } else { "\n" });
        text.push_str(pick(rng, ADVICE));
    }
    text
}
