#include "kiwoomd/http/Negotiation.h"

#include "AsciiCase.h"

#include <zlib.h>

#include <cstdlib>

namespace kiwoomd::http {
namespace {

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string withoutWeakPrefix(const std::string& tag) {
    return tag.rfind("W/", 0) == 0 ? tag.substr(2) : tag;
}

} // namespace

bool noneMatchHits(const std::string& ifNoneMatch, const std::string& etag) {
    const std::string wanted = withoutWeakPrefix(etag);
    std::size_t start = 0;
    while (start <= ifNoneMatch.size()) {
        std::size_t end = ifNoneMatch.find(',', start);
        if (end == std::string::npos) {
            end = ifNoneMatch.size();
        }
        const std::string tag = trim(ifNoneMatch.substr(start, end - start));
        if (tag == "*" || (!tag.empty() && withoutWeakPrefix(tag) == wanted)) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

bool acceptsGzip(const std::string& acceptEncoding) {
    std::size_t start = 0;
    while (start <= acceptEncoding.size()) {
        std::size_t end = acceptEncoding.find(',', start);
        if (end == std::string::npos) {
            end = acceptEncoding.size();
        }
        const std::string item = acceptEncoding.substr(start, end - start);
        const std::size_t semicolon = item.find(';');
        const std::string coding = asciiLower(trim(item.substr(0, semicolon)));
        if (coding == "gzip" || coding == "x-gzip" || coding == "*") {
            double quality = 1.0;
            if (semicolon != std::string::npos) {
                const std::string parameter = asciiLower(trim(item.substr(semicolon + 1)));
                if (parameter.rfind("q=", 0) == 0) {
                    quality = std::strtod(parameter.c_str() + 2, nullptr);
                }
            }
            return quality > 0.0;
        }
        start = end + 1;
    }
    return false;
}

std::shared_ptr<const std::string> gzipCompress(const std::string& bytes) {
    z_stream stream{};
    // 15 window bits + 16: a gzip wrapper rather than zlib's own.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return nullptr;
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const auto produced = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) {
        return nullptr;
    }
    out.resize(produced);
    return std::make_shared<const std::string>(std::move(out));
}

} // namespace kiwoomd::http
