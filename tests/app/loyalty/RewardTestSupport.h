#pragma once
// Test helpers for the reward rules: build a reward, find one in a programme,
// and list a catalogue's reward ids as "a,b,c" for one readable comparison.

#include <string>
#include <vector>

#include "loyalty/Program.h"
#include "loyalty/RewardRules.h"

namespace loyalty::test {

inline Reward makeReward(const std::string& id, Points cost) {
    Reward reward;
    reward.id = id;
    reward.name = "Reward " + id;
    reward.cost = cost;
    return reward;
}

inline Reward* findIn(Program& program, const std::string& id) {
    for (auto& reward : program.rewards) {
        if (reward.id == id) {
            return &reward;
        }
    }
    return nullptr;
}

inline const RewardOption* optionFor(const std::vector<RewardOption>& options,
                                     const std::string& id) {
    for (const auto& option : options) {
        if (option.reward->id == id) {
            return &option;
        }
    }
    return nullptr;
}

inline std::string rewardIds(const std::vector<RewardOption>& options) {
    std::string text;
    for (const auto& option : options) {
        text += (text.empty() ? "" : ",") + option.reward->id;
    }
    return text;
}

}  // namespace loyalty::test
