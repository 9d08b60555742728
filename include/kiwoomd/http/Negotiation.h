#pragma once
// Conditional requests and content coding: the two header parsers the representation endpoints
// share. Pure functions.

#include <memory>
#include <string>

namespace kiwoomd::http {

// If-None-Match (RFC 9110 §13.1.2): "*" or a list of entity tags, compared weakly (a W/ prefix
// does not matter). True when `etag` is among them, so the answer is 304 Not Modified.
bool noneMatchHits(const std::string& ifNoneMatch, const std::string& etag);

// Accept-Encoding (RFC 9110 §12.5.3): whether gzip (or "*") is listed with a q-value above 0.
bool acceptsGzip(const std::string& acceptEncoding);

// gzip (RFC 1952) of `bytes`; nullptr if zlib fails.
std::shared_ptr<const std::string> gzipCompress(const std::string& bytes);

} // namespace kiwoomd::http
