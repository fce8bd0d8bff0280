#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

std::string VirtualCard::describe() const {
    return kind() + " uid=" + toHex(uid());
}

}  // namespace nfcsim
