package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mcremulator.junit.McrEmulator;
import io.mcremulator.junit.McrEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@McrEmulatorTest
class RegistryBTest {
    @Test
    void listsRegistries(McrEmulator mcr) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mcr.managementUrl() + "/v0/registries"))
                        .header("Authorization", mcr.authorizationHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        FirstClassTiming.success();
    }
}
