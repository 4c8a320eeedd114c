//! Free-text comments, as patients type them on a phone or a kiosk:
//! Chinese, with full-width and ASCII commas, quotation marks and line
//! breaks — the characters that break naive CSV handling.

use super::splitmix::SplitMix64;

const PRAISE: &[&str] = &[
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
];

fn pick(rng: &mut SplitMix64, pool: &[&'static str]) -> &'static str {
    pool[rng.below(pool.len() as u64) as usize]
}

/// A comment for a patient whose latent satisfaction is `z`: mostly praise
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
