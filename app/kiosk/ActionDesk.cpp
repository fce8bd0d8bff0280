#include "kiosk/ActionDesk.h"

#include <utility>

#include "kiosk/Formatter.h"
#include "loyalty/Corrections.h"
#include "loyalty/MembershipRules.h"
#include "loyalty/RewardRules.h"

namespace kiosk {

namespace {

Outcome changed() { return Outcome{true, {}}; }
Outcome unchanged() { return Outcome{false, {}}; }

const MemberSnapshot* snapshotOf(const FlowState& state) {
    return state.customer ? state.customer->snapshot() : nullptr;
}

bool isCancel(const Intent& intent) { return std::holds_alternative<Cancel>(intent); }

void toMenu(FlowState& state) {
    state.keypad.clear();
    state.draft = ActionDraft{};
    state.notice = Text{};
    state.screen = ScreenId::StaffMenu;
}

const char* actionName(StaffAction action) {
    switch (action) {
        case StaffAction::Award: return "award";
        case StaffAction::Redeem: return "redeem";
        case StaffAction::Enrol: return "enrol";
        case StaffAction::Replace: return "replace";
        case StaffAction::Block: return "block";
        case StaffAction::Void: return "void";
        case StaffAction::Adjust: return "adjust";
        case StaffAction::Summary: return "summary";
    }
    return "award";
}

}  // namespace

std::vector<std::string> ActionDesk::reasonKeys(StaffAction action) {
    switch (action) {
        case StaffAction::Replace:
        case StaffAction::Block:
        case StaffAction::Void:
        case StaffAction::Adjust: {
            const std::string prefix = std::string("reasons.") + actionName(action) + ".";
            return {prefix + "1", prefix + "2", prefix + "3"};
        }
        default:
            return {};
    }
}

std::string ActionDesk::reasonText(FlowContext context) {
    const auto keys = reasonKeys(context.state.draft.action);
    const auto& reason = context.state.draft.reason;
    return reason && *reason < keys.size() ? context.catalogue.text(keys[*reason]) : std::string();
}

loyalty::Expected<loyalty::EarnBreakdown, loyalty::Refusal> ActionDesk::previewEarn(const FlowState& state,
                                                                                     const loyalty::Program& program) {
    const MemberSnapshot* snapshot = snapshotOf(state);
    if (!snapshot) {
        return loyalty::unexpected(loyalty::Refusal{loyalty::RefusalCode::InvalidAmount, "no member"});
    }
    loyalty::PurchaseRequest request;
    request.amount = state.keypad.value();
    request.staffId = state.staff ? state.staff->staffId() : std::string();
    request.managerOverride = state.staff && state.staff->isManager();
    return loyalty::EarnCalculator(program).preview(snapshot->member, snapshot->card, request, state.now);
}

bool ActionDesk::canConfirm(const FlowState& state, const loyalty::Program& program) {
    const ActionDraft& draft = state.draft;
    const bool reasonGiven = reasonKeys(draft.action).empty() || draft.reason.has_value();
    switch (draft.action) {
        case StaffAction::Award: {
            const auto preview = previewEarn(state, program);
            return !state.keypad.empty() && preview && preview->total > 0;
        }
        case StaffAction::Adjust:
            return state.keypad.value() > 0 && reasonGiven;
        case StaffAction::Enrol:
            return !loyalty::MembershipRules::trim(draft.name).empty();
        case StaffAction::Replace:
            return draft.newCard.has_value() && reasonGiven;
        case StaffAction::Redeem:
            return !draft.rewardId.empty();
        default:
            return reasonGiven;
    }
}

Outcome ActionDesk::refuse(FlowContext context, const loyalty::Refusal& refusal, ScreenId back) {
    FlowSteps::showRefusal(context.state, refusal, back);
    return changed();
}

// ---- starting an action ------------------------------------------------------------------

Outcome ActionDesk::start(FlowContext context, StaffAction action) {
    FlowState& state = context.state;
    state.draft = ActionDraft{};
    state.draft.action = action;
    switch (action) {
        case StaffAction::Award:
            state.keypad.reset(context.settings.amountMaxDigits);
            state.screen = ScreenId::AmountEntry;
            break;
        case StaffAction::Adjust:
            state.keypad.reset(context.settings.pointsMaxDigits);
            state.screen = ScreenId::AmountEntry;
            break;
        case StaffAction::Redeem:
            state.screen = ScreenId::RewardChoice;
            break;
        case StaffAction::Replace:
            state.screen = ScreenId::TapNewCard;
            break;
        default:  // Enrol, Block, Void
            state.screen = ScreenId::ConfirmAction;
            break;
    }
    return changed();
}

Outcome ActionDesk::handle(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    switch (state.screen) {
        case ScreenId::AmountEntry:
            return onAmountEntry(context, intent);
        case ScreenId::RewardChoice:
            if (const auto* reward = std::get_if<ChooseReward>(&intent)) {
                return chooseReward(context, reward->rewardId);
            }
            if (isCancel(intent)) {
                toMenu(state);
                return changed();
            }
            return unchanged();
        case ScreenId::TapNewCard:
            if (isCancel(intent)) {
                toMenu(state);
                return changed();
            }
            return unchanged();
        case ScreenId::ConfirmAction:
            return onConfirmAction(context, intent);
        default:
            return unchanged();
    }
}

Outcome ActionDesk::onNewCard(FlowContext context, const CardTapped& card) {
    FlowState& state = context.state;
    if (card.refusedByReader || card.token.empty()) {
        state.notice = Text{"tap_new_card.unreadable", {}};
        return changed();
    }
    if (state.customer && card.token == state.customer->card().token) {
        state.notice = Text{"tap_new_card.same_card", {}};
        return changed();
    }
    state.notice = Text{};
    state.draft.newCard = card;
    state.screen = ScreenId::ConfirmAction;
    return changed();
}

// ---- amount entry: award and adjust --------------------------------------------------------

Outcome ActionDesk::onAmountEntry(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    if (const auto* digit = std::get_if<KeypadDigit>(&intent)) {
        return Outcome{state.keypad.press(digit->digit), {}};
    }
    if (std::holds_alternative<KeypadBack>(intent)) {
        return Outcome{state.keypad.back(), {}};
    }
    if (std::holds_alternative<KeypadClear>(intent)) {
        return Outcome{state.keypad.clear(), {}};
    }
    if (std::holds_alternative<ToggleSign>(intent) && state.draft.action == StaffAction::Adjust) {
        state.draft.negative = !state.draft.negative;
        return changed();
    }
    if (const auto* reason = std::get_if<ChooseReason>(&intent)) {
        if (reason->index >= reasonKeys(state.draft.action).size()) {
            return unchanged();
        }
        state.draft.reason = reason->index;
        return changed();
    }
    if (std::holds_alternative<Confirm>(intent) || std::holds_alternative<KeypadOk>(intent)) {
        return confirmAmount(context);
    }
    if (isCancel(intent)) {
        toMenu(state);
        return changed();
    }
    return unchanged();
}

Outcome ActionDesk::confirmAmount(FlowContext context) {
    FlowState& state = context.state;
    const MemberSnapshot* snapshot = snapshotOf(state);
    if (!snapshot || !state.staff || !canConfirm(state, context.program)) {
        return unchanged();
    }
    // The amount stays on screen (with its preview) while it is saved;
    // onRecorded clears it, and every action starts from an empty keypad.
    if (state.draft.action == StaffAction::Award) {
        return Outcome{true, {FlowSteps::record(state, EarnPurchase{state.keypad.value()})}};
    }
    const loyalty::Points points = state.keypad.value();
    const loyalty::Points delta = state.draft.negative ? -points : points;
    const std::string reason = reasonText(context);
    const auto decision =
        loyalty::Corrections::adjust(snapshot->member, snapshot->card, delta, state.staff->staffId(), reason);
    if (!decision) {
        return refuse(context, decision.error(), ScreenId::AmountEntry);
    }
    return Outcome{true, {FlowSteps::record(state, AdjustPoints{delta, reason})}};
}

// ---- rewards ------------------------------------------------------------------------------------

Outcome ActionDesk::chooseReward(FlowContext context, const std::string& rewardId) {
    FlowState& state = context.state;
    const MemberSnapshot* snapshot = snapshotOf(state);
    if (!snapshot || !state.staff || !context.program.findReward(rewardId)) {
        return unchanged();
    }
    const auto decision = loyalty::RewardRules(context.program)
                              .redeem(snapshot->member, snapshot->card, FlowSteps::kioskState(state), rewardId,
                                      state.staff->staffId(), state.staff->isManager(), state.now);
    if (!decision) {
        return refuse(context, decision.error(), ScreenId::RewardChoice);
    }
    state.draft.rewardId = rewardId;
    state.screen = ScreenId::ConfirmAction;
    return changed();
}

// ---- confirm: redeem, enrol, replace, block, void ------------------------------------------

Outcome ActionDesk::onConfirmAction(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    if (const auto* reason = std::get_if<ChooseReason>(&intent)) {
        if (reason->index >= reasonKeys(state.draft.action).size()) {
            return unchanged();
        }
        state.draft.reason = reason->index;
        return changed();
    }
    if (const auto* name = std::get_if<EnterName>(&intent)) {
        if (state.draft.action != StaffAction::Enrol) {
            return unchanged();
        }
        state.draft.name = name->name;
        state.notice = Text{};
        return changed();
    }
    if (std::holds_alternative<Confirm>(intent)) {
        return confirmAction(context);
    }
    if (isCancel(intent)) {
        if (state.draft.byCustomer) {
            state.draft = ActionDraft{};
            FlowSteps::toCustomerScreen(state);
        } else {
            toMenu(state);
        }
        return changed();
    }
    return unchanged();
}

Outcome ActionDesk::confirmAction(FlowContext context) {
    FlowState& state = context.state;
    if (!canConfirm(state, context.program) || !state.customer) {
        return unchanged();
    }
    const ActionDraft& draft = state.draft;
    const MemberSnapshot* snapshot = snapshotOf(state);
    if (draft.action == StaffAction::Redeem) {
        return Outcome{true, {FlowSteps::record(state, RedeemReward{draft.rewardId})}};
    }
    if (!state.staff) {
        return unchanged();
    }
    const std::string staffId = state.staff->staffId();
    const loyalty::MembershipRules membership(context.program);
    const std::string reason = reasonText(context);
    switch (draft.action) {
        case StaffAction::Enrol: {
            // The rules check the name; storage gives the member its id.
            const auto enrolment =
                membership.enrol("new-member", draft.name, state.customer->card().token, staffId, state.now);
            if (!enrolment) {
                state.notice = Text{"confirm_action.name_invalid", {}};
                return changed();
            }
            const CardTapped& card = state.customer->card();
            return Outcome{true, {FlowSteps::record(state, EnrolMember{enrolment->displayName, card.uidHex, card.kind})}};
        }
        case StaffAction::Replace: {
            const auto decision =
                membership.replaceCard(snapshot->member, snapshot->card, draft.newCard->token, staffId, reason, state.now);
            if (!decision) {
                return refuse(context, decision.error(), ScreenId::StaffMenu);
            }
            ReplaceCard replace{draft.newCard->token, draft.newCard->uidHex, draft.newCard->kind, reason};
            return Outcome{true, {FlowSteps::record(state, std::move(replace))}};
        }
        case StaffAction::Block: {
            const auto decision = membership.blockCard(snapshot->member, snapshot->card, staffId, reason, state.now);
            if (!decision) {
                return refuse(context, decision.error(), ScreenId::StaffMenu);
            }
            return Outcome{true, {FlowSteps::record(state, BlockCard{reason})}};
        }
        case StaffAction::Void: {
            const HistoryEntry* target = state.customer->lastVoidable();
            if (!target) {
                return refuse(context, loyalty::Refusal{loyalty::RefusalCode::NothingToVoid, ""}, ScreenId::StaffMenu);
            }
            loyalty::RecordedEvent recorded;
            recorded.id = target->eventId;
            recorded.event.type = target->type;
            recorded.event.memberId = snapshot->member.memberId;
            recorded.event.pointsDelta = target->points;
            recorded.event.purchaseAmount = target->purchaseAmount;
            recorded.event.rewardId = target->rewardId;
            recorded.event.offerId = target->offerId;
            recorded.voided = target->voided;
            const auto decision = loyalty::Corrections::voidEvent(recorded, staffId, reason, snapshot->member);
            if (!decision) {
                return refuse(context, decision.error(), ScreenId::StaffMenu);
            }
            return Outcome{true, {FlowSteps::record(state, VoidEvent{target->eventId, reason})}};
        }
        default:
            return unchanged();
    }
}

// ---- the answer ------------------------------------------------------------------------------

Outcome ActionDesk::onRecorded(FlowContext context, const DecisionRecorded& result) {
    FlowState& state = context.state;
    const DecisionRequest what = state.pending->what;
    const bool byCustomer = state.draft.byCustomer;
    const std::optional<CardTapped> newCard = state.draft.newCard;
    state.pending.reset();
    state.draft = ActionDraft{};
    state.keypad.clear();
    if (result.member && state.customer) {
        if (!state.customer->isMember() || newCard) {
            // Enrolment: the unknown card now belongs to a member. Replacement:
            // the new card is the one in hand from now on.
            CardTapped card = newCard ? *newCard : state.customer->card();
            if (result.cardToken) {
                // The kiosk wrote its signed record on the card: that is its token now.
                card.token = *result.cardToken;
                card.assurance = loyalty::Assurance::Signed;
            }
            state.customer = CustomerSession::forMember(card, *result.member);
        } else {
            state.customer->update(*result.member);
        }
    }
    if (!state.customer) {
        FlowSteps::endSession(state);
        return changed();
    }
    state.customer->markInteracted();
    const Formatter format(context.catalogue, context.program.currency);
    const MemberSnapshot* snapshot = state.customer->snapshot();
    const std::string balance = format.points(snapshot ? snapshot->member.balance() : 0);
    const ScreenId back = state.staff && !byCustomer ? ScreenId::StaffMenu : ScreenId::Member;
    const auto confirm = [&](const char* action, std::vector<std::pair<std::string, std::string>> values) {
        values.emplace_back("balance", balance);
        FlowSteps::showConfirmation(state, Text{std::string("confirm.") + action + ".title", {}},
                                    Text{std::string("confirm.") + action + ".message", std::move(values)}, back);
        return changed();
    };
    if (const auto* redeem = std::get_if<RedeemReward>(&what)) {
        const loyalty::Reward* reward = context.program.findReward(redeem->rewardId);
        const std::string name = reward ? loyalty::localName(*reward, context.catalogue.language()) : redeem->rewardId;
        if (result.rewardCode) {
            state.rewardName = name;
            state.rewardCode = *result.rewardCode;
            state.screen = ScreenId::RewardCode;
            return changed();
        }
        return confirm("redeem", {{"reward", name}});
    }
    if (const auto* offer = std::get_if<ActivateOffer>(&what)) {
        const loyalty::Offer* found = context.program.findOffer(offer->offerId);
        state.notice = Text{"member.offer_activated",
                            {{"offer", found ? loyalty::localName(*found, context.catalogue.language()) : offer->offerId}}};
        state.screen = ScreenId::Member;
        return changed();
    }
    if (std::holds_alternative<EarnPurchase>(what)) {
        return confirm("earn", {{"points", format.signedPoints(result.pointsDelta)}});
    }
    if (std::holds_alternative<AdjustPoints>(what)) {
        return confirm("adjust", {{"points", format.signedPoints(result.pointsDelta)}});
    }
    if (std::holds_alternative<VoidEvent>(what)) {
        return confirm("void", {{"points", format.signedPoints(result.pointsDelta)}});
    }
    if (std::holds_alternative<EnrolMember>(what)) {
        return confirm("enrol", {{"name", state.customer->firstName()}});
    }
    if (std::holds_alternative<ReplaceCard>(what)) {
        return confirm("replace", {});
    }
    if (std::holds_alternative<BlockCard>(what)) {
        return confirm("block", {});
    }
    FlowSteps::toCustomerScreen(state);
    return changed();
}

}  // namespace kiosk
