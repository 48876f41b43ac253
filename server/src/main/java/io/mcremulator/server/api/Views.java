package io.mcremulator.server.api;

import static io.mcremulator.server.http.Json.time;

import io.mcremulator.core.model.CredentialsInfo;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.MemberInfo;
import io.mcremulator.core.model.ProxyCacheInfo;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.model.RepositoryInfo;
import io.mcremulator.core.model.StatusCheck;
import io.mcremulator.core.model.TagInfo;
import io.mcremulator.core.model.UserInfo;
import io.mcremulator.core.paging.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** JSON shapes of the MCR API, field by field as the OpenAPI schemas name them. */
public final class Views {
    private Views() {}

    public static final String EXPAND_TAGS_DETAILS = "tags_details";
    public static final String EXPAND_EXTRA_ATTR = "extra_attr";
    public static final String EXPAND_MANIFEST_MEDIA_TYPE = "manifest_media_type";
    public static final String EXPAND_MEDIA_TYPE = "media_type";
    public static final List<String> EXPANDS =
            List.of(EXPAND_TAGS_DETAILS, EXPAND_EXTRA_ATTR, EXPAND_MANIFEST_MEDIA_TYPE, EXPAND_MEDIA_TYPE);

    public static Map<String, Object> credentials(CredentialsInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", c.username());
        m.put("password", c.password());
        m.put("email", c.email());
        return m;
    }

    /** CreateRegistryResponse: id, name, and proxy_cache_id only when set (Terraform needs absent, never ""). */
    public static Map<String, Object> registryCreated(RegistryInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("name", r.name());
        if (r.proxyCacheId() != null) m.put("proxy_cache_id", r.proxyCacheId().toString());
        return m;
    }

    public static Map<String, Object> registry(RegistryInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("name", r.name());
        m.put("storage_usage_bytes", r.storageUsageBytes());
        m.put("created_at", time(r.createdAt()));
        m.put("updated_at", time(r.updatedAt()));
        if (r.proxyCacheId() != null) m.put("proxy_cache_id", r.proxyCacheId().toString());
        return m;
    }

    /** RepositoryV1Response (with id) or, for the v0 routes, RepositoryResponse (without). */
    public static Map<String, Object> repository(RepositoryInfo r, boolean withId) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withId) m.put("id", r.id().toString());
        m.put("registry_name", r.registryName());
        m.put("name", r.name());
        m.put("image_count", r.imageCount());
        m.put("created_at", time(r.createdAt()));
        m.put("updated_at", time(r.updatedAt()));
        return m;
    }

    /** ImageResponse: the five required fields, plus each optional field named in {@code expand}. */
    public static Map<String, Object> image(ImageInfo i, Set<String> expand) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", i.digest());
        m.put("size_bytes", i.sizeBytes());
        m.put("pushed_at", time(i.pushedAt()));
        m.put("pulled_at", time(i.pulledAt()));
        m.put("tags", i.tags());
        if (expand.contains(EXPAND_MANIFEST_MEDIA_TYPE)) m.put("manifest_media_type", i.manifestMediaType());
        if (expand.contains(EXPAND_MEDIA_TYPE)) m.put("media_type", i.mediaType());
        if (expand.contains(EXPAND_TAGS_DETAILS))
            m.put("tags_details", i.tagsDetails().stream().map(Views::tag).toList());
        if (expand.contains(EXPAND_EXTRA_ATTR)) m.put("extra_attr", i.extraAttr());
        return m;
    }

    public static Map<String, Object> tag(TagInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("pushed_at", time(t.pushedAt()));
        m.put("pulled_at", time(t.pulledAt()));
        m.put("signed", t.signed());
        return m;
    }

    /** ProxyCacheResponse (list item and update answer), or ProxyCacheDetailedResponse with description. */
    public static Map<String, Object> proxyCache(ProxyCacheInfo p, boolean withDescription) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("name", p.name());
        m.put("provider", p.provider());
        m.put("url", p.url());
        m.put("created_at", time(p.createdAt()));
        m.put("updated_at", time(p.updatedAt()));
        if (withDescription) m.put("description", p.description());
        return m;
    }

    public static Map<String, Object> proxyCacheCreated(ProxyCacheInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("name", p.name());
        return m;
    }

    public static Map<String, Object> status(StatusCheck s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status());
        m.put("message", s.message());
        return m;
    }

    /** UserResponse: id, username (the caller identity), created_at. */
    public static Map<String, Object> user(UserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id().toString());
        m.put("username", u.username());
        m.put("created_at", time(u.createdAt()));
        return m;
    }

    /** MemberResponse. */
    public static Map<String, Object> member(MemberInfo x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id().toString());
        m.put("registry_id", x.registryId().toString());
        m.put("user_id", x.userId().toString());
        m.put("role", x.role().apiName());
        m.put("created_at", time(x.createdAt()));
        m.put("updated_at", time(x.updatedAt()));
        return m;
    }

    /** The list envelope: results + meta.page{count,limit,offset,total}. */
    public static <T> Map<String, Object> list(Page<T> page, Function<T, Object> item) {
        Map<String, Object> pageMeta = new LinkedHashMap<>();
        pageMeta.put("count", page.count());
        pageMeta.put("limit", page.limit());
        pageMeta.put("offset", page.offset());
        pageMeta.put("total", page.total());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", page.results().stream().map(item).toList());
        m.put("meta", Map.of("page", pageMeta));
        return m;
    }

    /** Repository lists add goal.total: the repositories of this registry matching the filter. */
    public static <T> Map<String, Object> repositoryList(Page<T> page, Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal", Map.of("total", page.total()));
        m.putAll(list(page, item));
        return m;
    }
}
