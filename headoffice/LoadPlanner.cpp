#include "headoffice/LoadPlanner.h"

#include <set>

#include "headoffice/RecordJson.h"

namespace headoffice {

namespace {

template <class T, class Map, class Key>
bool differs(const Map& stored, const Key& key, const T& value, SectionCounts& counts) {
    const auto it = stored.find(key);
    if (it == stored.end()) {
        ++counts.added;
        return true;
    }
    if (it->second == value) {
        ++counts.unchanged;
        return false;
    }
    ++counts.updated;
    return true;
}

std::string line(const char* name, const SectionCounts& c) {
    return std::string(name) + ": " + std::to_string(c.added) + " added, " + std::to_string(c.updated) +
           " updated, " + std::to_string(c.unchanged) + " unchanged";
}

}  // namespace

std::string LoadSummary::text() const {
    std::string out = line("members", members) + "\n" + line("cards", cards) + "\n" + line("staff", staff) + "\n" +
                      line("catalogue", catalogue) + "\n" + line("reward totals", rewardTotals) + "\n" +
                      line("kiosks", kiosks) + "\n" + std::to_string(changes) + " change(s) for the kiosks";
    for (const auto& note : notes) {
        out += "\n" + note;
    }
    return out;
}

SnapshotKeys LoadPlanner::keysFor(const LoadData& data, const EarnedWindow& window) {
    SnapshotKeys keys;
    keys.earned = window;
    for (const auto& m : data.members) {
        keys.members.insert(m.id);
    }
    for (const auto& c : data.cards) {
        keys.cards.insert(c.token);
        keys.members.insert(c.memberId);
    }
    for (const auto& s : data.staff) {
        keys.staff.insert(s.id);
    }
    for (const auto& item : data.catalogue) {
        keys.catalogue.insert({item.kind, item.id});
    }
    for (const auto& t : data.rewardTotals) {
        keys.rewardTotals.insert(t.rewardId);
    }
    for (const auto& k : data.kiosks) {
        keys.kiosks.insert(k.id);
    }
    return keys;
}

Result<WriteSet> LoadPlanner::plan(const LoadData& data, const Snapshot& snapshot, const EarnedWindow& window,
                                   LoadSummary& summary) {
    summary = LoadSummary{};
    std::set<std::string> fileMembers;
    for (const auto& m : data.members) {
        fileMembers.insert(m.id);
    }
    std::string problems;
    for (std::size_t i = 0; i < data.cards.size(); ++i) {
        const Card& c = data.cards[i];
        if (fileMembers.count(c.memberId) == 0 && snapshot.members.count(c.memberId) == 0) {
            problems += (problems.empty() ? "" : "\n") + std::string("cards[") + std::to_string(i) + "] (token \"" +
                        c.token + "\"): member_id: \"" + c.memberId + "\" is neither in this file nor in the store";
        }
    }
    if (!problems.empty()) {
        return failure(ErrorCode::InvalidInput, problems);
    }

    WriteSet writes;
    std::vector<bool> cardDone(data.cards.size(), false);
    auto addCard = [&](std::size_t i) {
        cardDone[i] = true;
        const Card& c = data.cards[i];
        if (differs(snapshot.cards, c.token, c, summary.cards)) {
            writes.cards.push_back(c);
            writes.changes.push_back(RecordJson::cardChange(c));
        }
    };
    for (const Member& fileMember : data.members) {
        Member m = fileMember;
        const auto stored = snapshot.members.find(m.id);
        if (stored != snapshot.members.end() && stored->second.balance != m.balance) {
            summary.notes.push_back("member \"" + m.id + "\": balance " + std::to_string(stored->second.balance) +
                                    " kept (the file says " + std::to_string(m.balance) +
                                    "; a member's balance follows its events once it exists)");
            m.balance = stored->second.balance;
        }
        m.earned = window.within(fileMember.earned);
        if (stored == snapshot.members.end()) {
            for (const EarnedDay& day : fileMember.earned) {
                writes.earned.push_back(EarnedDelta{m.id, day.day, day.points});
            }
        } else {
            if (!fileMember.earned.empty() && m.earned != stored->second.earned) {
                summary.notes.push_back("member \"" + m.id +
                                        "\": earning history kept (the file gives another; a member's earning "
                                        "history follows its events once it exists)");
            }
            m.earned = stored->second.earned;
        }
        if (differs(snapshot.members, m.id, m, summary.members)) {
            writes.members.push_back(m);
            writes.changes.push_back(RecordJson::memberChange(m));
        }
        for (std::size_t i = 0; i < data.cards.size(); ++i) {
            if (!cardDone[i] && data.cards[i].memberId == m.id) {
                addCard(i);
            }
        }
    }
    for (std::size_t i = 0; i < data.cards.size(); ++i) {
        if (!cardDone[i]) {
            addCard(i);
        }
    }
    for (const Staff& s : data.staff) {
        if (differs(snapshot.staff, s.id, s, summary.staff)) {
            writes.staff.push_back(s);
            writes.changes.push_back(RecordJson::staffChange(s));
        }
    }
    for (const CatalogueItem& item : data.catalogue) {
        if (differs(snapshot.catalogue, std::make_pair(item.kind, item.id), item, summary.catalogue)) {
            writes.catalogue.push_back(item);
            writes.changes.push_back(RecordJson::catalogueChange(item));
        }
    }
    for (const RewardTotal& t : data.rewardTotals) {
        if (differs(snapshot.rewardTotals, t.rewardId, t, summary.rewardTotals)) {
            writes.rewardTotals.push_back(t);
            writes.changes.push_back(RecordJson::rewardTotalChange(t));
        }
    }
    for (const Kiosk& k : data.kiosks) {
        if (differs(snapshot.kiosks, k.id, k, summary.kiosks)) {
            writes.kiosks.push_back(k);
        }
    }
    summary.changes = writes.changes.size();
    return writes;
}

}  // namespace headoffice
