// libcurl for Swift. curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo are C variadics,
// which Swift cannot call; these wrappers fix one argument type each.
#ifndef STEWARD_CCURL_SHIM_H
#define STEWARD_CCURL_SHIM_H

#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef size_t (*steward_curl_data_callback)(char *data, size_t size, size_t count, void *user);

static inline CURLcode steward_easy_set_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode steward_easy_set_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode steward_easy_set_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode steward_easy_set_list(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode steward_easy_set_callback(CURL *easy, CURLoption option, steward_curl_data_callback value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode steward_easy_set_size(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}

// HTTP and HTTPS only. CURLOPT_PROTOCOLS_STR arrived in libcurl 7.85; older ones (or headers
// without it) take the bitmask option it replaced, so the restriction holds on either.
static inline CURLcode steward_easy_restrict_to_http(CURL *easy) {
#if LIBCURL_VERSION_NUM >= 0x075500
    CURLcode code = curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    if (code != CURLE_UNKNOWN_OPTION) return code;
#endif
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return curl_easy_setopt(easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#pragma GCC diagnostic pop
}

static inline CURLMcode steward_multi_set_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLcode steward_easy_get_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLcode steward_easy_get_pointer(CURL *easy, CURLINFO info, void **value) {
    return curl_easy_getinfo(easy, info, value);
}

/// The transfer a finished-message is about, and its result (a union member in C).
// Every socket curl opens goes through this callback, which sees the address before any packet
// is sent: the address guard judges each address curl is about to connect to.
typedef curl_socket_t (*steward_open_socket_callback)(void *user, curlsocktype purpose, struct curl_sockaddr *address);

static inline CURLcode steward_easy_set_open_socket(CURL *easy, steward_open_socket_callback callback, void *user) {
    CURLcode code = curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, user);
}

// The address's bytes (4 for IPv4, 16 for IPv6) into `out`; 0 for any other family.
static inline int steward_socket_address(const struct curl_sockaddr *address, unsigned char out[16]) {
    if (address->family == AF_INET) {
        memcpy(out, &((const struct sockaddr_in *)&address->addr)->sin_addr, 4);
        return 4;
    }
    if (address->family == AF_INET6) {
        memcpy(out, &((const struct sockaddr_in6 *)&address->addr)->sin6_addr, 16);
        return 16;
    }
    return 0;
}

static inline curl_socket_t steward_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}

static inline CURL *steward_message_easy(CURLMsg *message) { return message->easy_handle; }
static inline CURLcode steward_message_result(CURLMsg *message) { return message->data.result; }
static inline int steward_message_is_done(CURLMsg *message) { return message->msg == CURLMSG_DONE; }

#endif
