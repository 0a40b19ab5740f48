#ifndef PAGINATION_AWS_DETAIL_CIVIL_DATE_HPP
#define PAGINATION_AWS_DETAIL_CIVIL_DATE_HPP

// Days since 1970-01-01 to a proleptic Gregorian date and back, for the wire's timestamps
// (X-Amz-Date, RFC 3339 expirations, ISO 8601 output). The years are counted in 400-year eras
// that begin on March 1st, so the leap day is the last day of an era's year and no table or loop
// is needed (H. Hinnant's algorithms).

namespace pagination {
namespace aws {
namespace detail {

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, day 1..31).
constexpr long long days_from_civil(long long y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

/// A proleptic Gregorian date.
struct civil_date {
    long long year = 1970;
    unsigned month = 1;  ///< 1..12
    unsigned day = 1;    ///< 1..31
};

/// The date `days` days after 1970-01-01 (before it when negative).
constexpr civil_date civil_from_days(long long days) noexcept {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1};
}

} // namespace detail
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_DETAIL_CIVIL_DATE_HPP
