#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Store {

// What went wrong with a store, whichever backend holds it. The code decides the exit status and the UI
// wording; the message is a complete sentence a user can act on.
struct Error
{
    enum Code {
        None,
        NotFound, // no such file or folder
        IsDirectory, // a folder where Kaizen cannot read a store (yet)
        EmptyFile, // zero bytes
        NotSqlite, // a file that is no database Kaizen reads
        Corrupt, // the store is malformed or truncated
        NotMlflow, // a database without MLflow's tables
        Locked, // a writer held the lock longer than the busy timeout
        Io, // the OS or the server refused (permissions, disk, network)
        NeedsPassword, // the server asks for a password that was not given, or refused the one given
        NoSuchRun,
        NoSuchExperiment,
        InvalidArgument,
        Cancelled,
        Unsupported, // a location or schema no backend reads
        NoRegistry, // a store without the model registry's tables
        NoSuchModel,
        NoSuchVersion, // no such version of the model, or a soft-deleted one
        ReadOnly, // a write to a store opened read-only or that cannot be written (message: why)
        Conflict, // another process changed the rows since the user saw them; nothing written
        Refused, // a write MLflow refuses (unknown stage, reserved alias ...); nothing written
        Internal,
    };
    Code code = None;
    QString message;

    static Error make(Code code, QString message) { return Error {code, std::move(message)}; }
    // True when nothing went wrong.
    bool ok() const { return code == None; }
};

// A value or an error; keeps store functions free of exceptions and out-parameters.
template<typename T> class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

} // namespace Store
