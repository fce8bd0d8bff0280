#include "support/TmpfsMount.h"

#include <sys/mount.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace testsupport {

TmpfsMount::TmpfsMount(std::string directory, std::size_t bytes) : directory_(std::move(directory)) {
    if (std::getenv("KIOSK_TEST_NO_MOUNT") != nullptr) {
        why_ = "mounting disabled by KIOSK_TEST_NO_MOUNT";
        return;
    }
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("tmpfs", directory_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0) {
        mounted_ = true;
    } else {
        why_ = "mount -t tmpfs on " + directory_ + " failed: " + std::strerror(errno);
    }
}

TmpfsMount::~TmpfsMount() {
    if (mounted_ && ::umount2(directory_.c_str(), 0) != 0) {
        // Something still has a file open: detach now, freed when it closes.
        ::umount2(directory_.c_str(), MNT_DETACH);
    }
}

bool TmpfsMount::remount(bool readOnly) {
    if (!mounted_) {
        why_ = "not mounted";
        return false;
    }
    unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV;
    if (readOnly) {
        flags |= MS_RDONLY;
    }
    if (::mount(nullptr, directory_.c_str(), nullptr, flags, nullptr) != 0) {
        why_ = std::string("remount of ") + directory_ + " failed: " + std::strerror(errno);
        return false;
    }
    return true;
}

bool TmpfsMount::remountReadOnly() { return remount(true); }

bool TmpfsMount::remountReadWrite() { return remount(false); }

}  // namespace testsupport
