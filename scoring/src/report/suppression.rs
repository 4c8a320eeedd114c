//! Which groups of `--group-by` are suppressed (docs/scoring.md §7, with the
//! complementary suppression of §12).
//!
//! Hiding a small group alone is not enough: the `all` group minus the
//! shown groups gives the hidden group's every sum. So while the hidden
//! groups together hold fewer current-period respondents than the
//! threshold, the smallest shown group is hidden too.

/// For each group (`n` = its current-period responses, in the groups'
/// order with their keys), whether it is suppressed.
///
/// A group below `threshold` is suppressed (§7). Then, when at least one
/// group is suppressed and the suppressed ones hold fewer than `threshold`
/// responses together, the shown group with the fewest responses (ties:
/// the greater key in byte order) is suppressed as well, repeatedly, until
/// they hold at least `threshold` or none is left shown (§12).
pub(crate) fn suppressed(groups: &[(&str, u64)], threshold: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = groups.iter().map(|&(_, n)| n < threshold).collect();
    if !hidden.contains(&true) {
        return hidden;
    }
    let mut hidden_n: u64 = groups
        .iter()
        .zip(&hidden)
        .filter(|(_, &h)| h)
        .map(|(&(_, n), _)| n)
        .sum();
    while hidden_n < threshold {
        let smallest = groups
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by(|(_, a), (_, b)| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)));
        let Some((i, &(_, n))) = smallest else {
            break;
        };
        hidden[i] = true;
        hidden_n += n;
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_small_hides_nothing() {
        assert_eq!(suppressed(&[("a", 10), ("b", 50)], 10), vec![false, false]);
    }

    #[test]
    fn one_small_group_takes_the_smallest_shown_one_with_it() {
        // c alone (4 < 10) could be derived from all − a − b − d.
        let groups = [("a", 30), ("b", 12), ("c", 4), ("d", 12)];
        // b and d tie at 12: the greater key, d, goes.
        assert_eq!(suppressed(&groups, 10), vec![false, false, true, true]);
    }

    #[test]
    fn several_small_groups_that_reach_the_threshold_together_are_enough() {
        let groups = [("a", 30), ("b", 6), ("c", 4), ("d", 12)];
        assert_eq!(suppressed(&groups, 10), vec![false, true, true, false]);
    }

    #[test]
    fn keeps_hiding_until_the_threshold_or_nothing_is_left() {
        let groups = [("a", 1), ("b", 2), ("c", 3)];
        assert_eq!(suppressed(&groups, 10), vec![true, true, true]);
        let groups = [("a", 1), ("b", 2), ("c", 3), ("d", 40)];
        assert_eq!(suppressed(&groups, 10), vec![true, true, true, true]);
        let groups = [("a", 1), ("b", 12), ("c", 40)];
        assert_eq!(suppressed(&groups, 10), vec![true, true, false]);
    }
}
