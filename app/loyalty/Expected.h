#pragma once
// A small expected-style result: either a value or an error. std::expected is
// C++23; g++ 12 in C++20 mode does not have it, so the project carries this
// minimal stand-in. Expected failures are values; nothing here throws.

#include <cassert>
#include <utility>
#include <variant>

namespace loyalty {

template <class E>
struct Unexpected {
    E error;
};

template <class E>
Unexpected<E> unexpected(E error) {
    return Unexpected<E>{std::move(error)};
}

template <class T, class E>
class Expected {
public:
    Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Expected(Unexpected<E> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

    bool hasValue() const { return state_.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() {
        assert(hasValue());
        return std::get<0>(state_);
    }
    const T& value() const {
        assert(hasValue());
        return std::get<0>(state_);
    }
    const E& error() const {
        assert(!hasValue());
        return std::get<1>(state_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

private:
    std::variant<T, E> state_;
};

}  // namespace loyalty
