// A Dear ImGui context without any GL: the font atlas is built in memory, frames run through
// NewFrame/Render, and mouse and keyboard input are injected through ImGuiIO.
#pragma once

#include <imgui.h>

#include <functional>
#include <string_view>

namespace liaison::app::test {

class HeadlessImGui {
 public:
  static constexpr int kBackspace = 300;  // our key index for ImGuiKey_Backspace

  explicit HeadlessImGui(float width = 1600, float height = 900) {
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // One frame: draw() is called between NewFrame and Render.
  void frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    draw();
    ImGui::Render();
  }

  // Press and release the left button at (x, y), one frame each.
  void click(float x, float y, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
  }

  // One character per frame, as a typist would.
  void type(std::string_view text, const std::function<void()>& draw) {
    for (char ch : text) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(ch));
      frame(draw);
    }
  }

  void pressKey(int key, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    frame(draw);
    io.KeysDown[key] = false;
    frame(draw);
  }

 private:
  ImGuiContext* m_context = nullptr;
};

}  // namespace liaison::app::test
