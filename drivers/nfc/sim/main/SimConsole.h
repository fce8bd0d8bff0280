#pragma once
// The stdin console of pn532-sim: one command per line, one answer line per
// command ("ok ..." or "error ..."):
//   present FILE                 a card from a JSON card file enters the field
//   remove                       the card leaves the field
//   unplug / replug              close the pty master / open a new pty
//   fault KIND [ARG] [once|always]  unplug, garbage [N], checksum, nack, error,
//                                   slow [MS], silent; once (default) or always
//   clear                        no more faults
//   status                       path, plug, card, chip state, fault, counters
//   quit                         stop (end of input does the same)
// Blank lines and lines starting with # get no answer.

#include <string>

namespace nfcsim {

class Pn532Simulator;

class SimConsole {
public:
    struct Answer {
        std::string line;  // empty: nothing to print
        bool quit = false;
    };

    explicit SimConsole(Pn532Simulator& simulator) : simulator_(simulator) {}

    Answer execute(const std::string& line);

private:
    Answer fault(const std::string& arguments);

    Pn532Simulator& simulator_;
};

}  // namespace nfcsim
