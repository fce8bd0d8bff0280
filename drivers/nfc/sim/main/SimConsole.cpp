#include "SimConsole.h"

#include <sstream>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/FaultPlan.h"
#include "nfc/sim/Pn532Simulator.h"

namespace nfcsim {

namespace {

SimConsole::Answer ok(const std::string& text) {
    return {"ok " + text, false};
}

SimConsole::Answer error(const std::string& text) {
    return {"error " + text, false};
}

}  // namespace

SimConsole::Answer SimConsole::execute(const std::string& line) {
    std::istringstream in(line);
    std::string command;
    in >> command;
    if (command.empty() || command[0] == '#') {
        return {};
    }
    std::string rest;
    std::getline(in >> std::ws, rest);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r' || rest.back() == '\t')) {
        rest.pop_back();
    }
    if (command == "present") {
        if (rest.empty()) {
            return error("present needs a card file");
        }
        auto card = CardFile::load(rest);
        if (!card) {
            return error(card.error());
        }
        const std::string description = (*card)->describe();
        simulator_.present(*card);
        return ok("present " + description);
    }
    if (command == "remove") {
        simulator_.remove();
        return ok("removed");
    }
    if (command == "unplug") {
        simulator_.unplug();
        return ok("unplugged");
    }
    if (command == "replug") {
        auto path = simulator_.replug();
        return path ? ok("replugged " + *path) : error(path.error());
    }
    if (command == "fault") {
        return fault(rest);
    }
    if (command == "clear") {
        simulator_.clearFault();
        return ok("cleared");
    }
    if (command == "status") {
        const auto s = simulator_.status();
        std::ostringstream out;
        out << "path=" << s.slavePath << " plugged=" << (s.plugged ? "yes" : "no") << " card=\"" << s.card
            << "\" " << s.chip << " fault=\"" << s.fault << "\" commands=" << s.commands << " aborts=" << s.aborts
            << " bad-frames=" << s.badFrames;
        return ok(out.str());
    }
    if (command == "quit" || command == "exit") {
        return {"ok bye", true};
    }
    return error("unknown command " + command + " (present, remove, unplug, replug, fault, clear, status, quit)");
}

SimConsole::Answer SimConsole::fault(const std::string& arguments) {
    std::istringstream in(arguments);
    std::string name;
    in >> name;
    const auto kind = FaultPlan::kindFromName(name);
    if (!kind) {
        return error("fault needs a kind: unplug, garbage, checksum, nack, error, slow, silent, fatal");
    }
    Fault fault{*kind, FaultPlan::defaultArgument(*kind), false};
    std::string word;
    while (in >> word) {
        if (word == "once") {
            fault.persistent = false;
        } else if (word == "always") {
            fault.persistent = true;
        } else if (word.find_first_not_of("0123456789") == std::string::npos && word.size() <= 6 &&
                   (*kind == FaultKind::Slow || *kind == FaultKind::Garbage)) {
            fault.argument = static_cast<unsigned>(std::stoul(word));
        } else {
            return error("fault " + name + ": unexpected \"" + word + "\"");
        }
    }
    simulator_.setFault(fault);
    FaultPlan shown;
    shown.set(fault);
    return ok("fault " + shown.describe());
}

}  // namespace nfcsim
