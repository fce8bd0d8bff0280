#pragma once
// A queue of plain values between threads (design brief §3: "messages are
// plain values in a queue"). Any thread posts; one owner takes. post() calls
// the wake function after the value is queued, so the owner can sleep in its
// own wait (the UI thread in SDL_WaitEventTimeout, woken by an SDL user
// event) and never poll.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace services {

template <class T>
class Mailbox {
public:
    using Wake = std::function<void()>;

    explicit Mailbox(Wake wake = {}) : wake_(std::move(wake)) {}
    Mailbox(const Mailbox&) = delete;
    Mailbox& operator=(const Mailbox&) = delete;

    // Queues value; false (and nothing queued) once closed.
    bool post(T value) {
        {
            std::lock_guard lock(mutex_);
            if (closed_) {
                return false;
            }
            queue_.push_back(std::move(value));
        }
        ready_.notify_one();
        if (wake_) {
            wake_();
        }
        return true;
    }

    // Everything queued so far, oldest first (the owner's non-blocking take).
    std::vector<T> drain() {
        std::lock_guard lock(mutex_);
        std::vector<T> taken(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
        queue_.clear();
        return taken;
    }

    // The oldest value, waiting up to timeout; nullopt on timeout or when
    // closed and empty.
    std::optional<T> take(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        ready_.wait_for(lock, timeout, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) {
            return std::nullopt;
        }
        T value = std::move(queue_.front());
        queue_.pop_front();
        return value;
    }

    // Refuses further posts and wakes a waiting take(); queued values stay
    // takeable.
    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

    bool closed() const {
        std::lock_guard lock(mutex_);
        return closed_;
    }

    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return queue_.size();
    }

private:
    Wake wake_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<T> queue_;
    bool closed_ = false;
};

}  // namespace services
